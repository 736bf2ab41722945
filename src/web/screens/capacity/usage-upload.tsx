import { type ChangeEvent, useState } from 'react';
import { type ApiProblem, programPath, request } from '../../api/client';
import { ProblemBanner } from '../../components/feedback';
import { useToast } from '../../toasts';
import type { CapacityResourceView } from './capacity-types';

interface Stored {
  samples: number;
  from: string | null;
  to: string | null;
}

/** Editors replace a resource's usage history with a CSV; problems come back at line:column, nothing is stored until the whole file reads. */
export function UsageUpload({
  programId,
  resource,
  onStored,
}: {
  programId: string;
  resource: CapacityResourceView;
  onStored: () => void;
}) {
  const toast = useToast();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setProblem(undefined);
  };
  const upload = async () => {
    setBusy(true);
    setProblem(undefined);
    const r = await request<Stored>('PUT', programPath(programId, 'capacity', resource.id, 'usage'), {
      text,
      contentType: 'text/csv',
      query: { file: fileName ?? 'pasted.csv' },
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    toast(`Stored ${r.value.samples} usage samples`);
    setText('');
    setFileName(undefined);
    onStored();
  };
  const h = resource.history;
  return (
    <section className="card">
      <h2>Usage history</h2>
      <p className="faint">
        {h.samples > 0 ? `${h.samples} samples from ${h.from?.slice(0, 10)} to ${h.to?.slice(0, 10)}.` : 'No usage history stored.'} Upload
        timestamp,value (usage in {resource.unit}) to replace it.
      </p>
      <div className="row">
        <input type="file" accept=".csv,text/csv" aria-label="Usage CSV file" onChange={pick} />
        <button type="button" className="btn" disabled={busy || text === ''} onClick={upload}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {problem ? <ProblemBanner problem={problem} /> : null}
    </section>
  );
}
