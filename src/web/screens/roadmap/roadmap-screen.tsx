import { PageHead } from '../../components/page-head';

export function RoadmapScreen() {
  return (
    <div className="page">
      <PageHead title="Roadmap" />
    </div>
  );
}
