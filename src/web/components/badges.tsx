const TONE: Record<string, string> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
  done: 'green',
  'in-progress': 'accent',
  blocked: 'red',
  cancelled: '',
  accepted: 'green',
  requested: 'amber',
  'at-risk': 'amber',
  broken: 'red',
  open: 'amber',
  mitigating: 'accent',
  closed: '',
  decided: 'green',
  superseded: '',
  high: 'red',
  medium: 'amber',
  low: '',
  critical: 'red',
};

/** A state word in its colour (RAG, item state, dependency negotiation, risk and decision status). */
export function StateBadge({ value }: { value: string }) {
  return <span className={`badge ${TONE[value] ?? ''}`}>{value}</span>;
}

export function RagBadge({ rag }: { rag: 'green' | 'amber' | 'red' | string }) {
  return (
    <span className={`badge ${TONE[rag] ?? ''}`} data-rag={rag}>
      <span className="dot" /> {rag.toUpperCase()}
    </span>
  );
}
