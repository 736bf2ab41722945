import { PageHead } from '../components/page-head';

export function ScenariosScreen() {
  return (
    <div className="page">
      <PageHead title="Scenarios" />
    </div>
  );
}
