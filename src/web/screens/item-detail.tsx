import { PageHead } from '../components/page-head';

export function ItemDetailScreen({ itemId }: { itemId: string }) {
  return (
    <div className="page">
      <PageHead title={itemId} />
    </div>
  );
}
