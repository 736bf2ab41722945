import { PageHead } from '../components/page-head';

export function ImportScreen() {
  return (
    <div className="page">
      <PageHead title="Import" />
    </div>
  );
}
