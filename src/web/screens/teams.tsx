import { PageHead } from '../components/page-head';

export function TeamsScreen() {
  return (
    <div className="page">
      <PageHead title="Teams" />
    </div>
  );
}
