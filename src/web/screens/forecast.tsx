import { PageHead } from '../components/page-head';

export function ForecastScreen() {
  return (
    <div className="page">
      <PageHead title="Forecast" />
    </div>
  );
}
