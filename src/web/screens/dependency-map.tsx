import { PageHead } from '../components/page-head';

export function DependencyMapScreen() {
  return (
    <div className="page">
      <PageHead title="Dependency map" />
    </div>
  );
}
