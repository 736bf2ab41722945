import { PageHead } from '../components/page-head';

export function UsersScreen() {
  return (
    <div className="page">
      <PageHead title="Users and tokens" />
    </div>
  );
}
