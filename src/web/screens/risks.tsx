import { PageHead } from '../components/page-head';

export function RisksScreen() {
  return (
    <div className="page">
      <PageHead title="Risks" />
    </div>
  );
}
