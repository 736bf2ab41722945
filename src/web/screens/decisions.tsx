import { PageHead } from '../components/page-head';

export function DecisionsScreen() {
  return (
    <div className="page">
      <PageHead title="Decisions" />
    </div>
  );
}
