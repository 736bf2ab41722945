import { PageHead } from '../components/page-head';
import { useSession } from '../session';
import { ProgramRoles } from './users/program-roles';
import { TokensCard } from './users/tokens-card';
import { UsersCard } from './users/users-card';
import './users.css';

/** Site admins manage people and who holds which role on which program; everyone manages their own API tokens. */
export function UsersScreen() {
  const { user } = useSession();
  return (
    <div className="page us">
      <PageHead
        title={user?.isAdmin ? 'Users & tokens' : 'API tokens'}
        sub={user?.isAdmin ? 'People, their roles on programs, and your API tokens.' : 'Tokens let scripts and CI call the API as you.'}
      />
      {user?.isAdmin ? (
        <div className="us-grid">
          <UsersCard />
          <ProgramRoles />
        </div>
      ) : null}
      <TokensCard />
    </div>
  );
}
