import { PageHead } from '../components/page-head';

export function SlosScreen() {
  return (
    <div className="page">
      <PageHead title="SLOs" />
    </div>
  );
}
