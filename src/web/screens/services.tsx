import { PageHead } from '../components/page-head';

export function ServicesScreen() {
  return (
    <div className="page">
      <PageHead title="Services" />
    </div>
  );
}
