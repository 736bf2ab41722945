import { PageHead } from '../components/page-head';

export function OverviewScreen() {
  return (
    <div className="page">
      <PageHead title="Overview" />
    </div>
  );
}
