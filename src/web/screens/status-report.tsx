import { PageHead } from '../components/page-head';

export function StatusReportScreen() {
  return (
    <div className="page">
      <PageHead title="Status report" />
    </div>
  );
}
