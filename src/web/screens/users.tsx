import { useResource } from '../api/use-resource';
import { PageHead } from '../components/page-head';
import { useSession } from '../session';
import { ProgramRoles } from './users/program-roles';
import { TokensCard } from './users/tokens-card';
import { type User, UsersCard } from './users/users-card';
import './users.css';

/** Site admins manage people and who holds which role on which program; everyone manages their own API tokens. */
export function UsersScreen() {
  const { user } = useSession();
  // One list for both cards: a user created on the left can be given a role on the right at once.
  const users = useResource<{ users: User[] }>(user?.isAdmin ? '/api/users' : undefined);
  return (
    <div className="page us">
      <PageHead
        title={user?.isAdmin ? 'Users & tokens' : 'API tokens'}
        sub={user?.isAdmin ? 'People, their roles on programs, and your API tokens.' : 'Tokens let scripts and CI call the API as you.'}
      />
      {user?.isAdmin ? (
        <div className="us-grid">
          <UsersCard users={users} />
          <ProgramRoles users={users.value?.users ?? []} />
        </div>
      ) : null}
      <TokensCard />
    </div>
  );
}
