import { type ChangeEvent, useState } from 'react';
import { type ApiProblem, api, programPath, request } from '../../api/client';
import type { SloStatus } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { useToast } from '../../toasts';

interface Stored {
  samples: number;
  from: string | null;
  to: string | null;
}

const day = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
const storedText = (s: Stored) => `${s.samples.toLocaleString('en-US')} samples from ${day(s.from)} to ${day(s.to)}`;

/**
 * Editors give an SLO its data: a CSV upload (problems listed at line:column, nothing stored until
 * the whole file reads), or a pull of the window from the SLO's Prometheus source.
 */
export function SliData({
  programId,
  slo,
  ratio,
  goodWhen,
  source,
  at,
  onStored,
}: {
  programId: string;
  slo: SloStatus;
  /** A ratio SLI reads `timestamp,good,total`; a threshold SLI `timestamp,value`. */
  ratio: boolean;
  /** A threshold SLI's test of each value, e.g. `≤ 0.3`. */
  goodWhen?: string | undefined;
  source: string | undefined;
  /** The instant the screen shows (`?at=`); a refresh pulls the window ending there. */
  at: string | undefined;
  onStored: () => void;
}) {
  const toast = useToast();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState<'upload' | 'refresh' | undefined>();
  const header = ratio ? 'timestamp,good,total' : 'timestamp,value';

  const pickFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setProblem(undefined);
  };
  const upload = async () => {
    setBusy('upload');
    setProblem(undefined);
    const r = await request<Stored>('PUT', programPath(programId, 'slos', slo.id, 'data'), {
      text,
      contentType: 'text/csv',
      query: { file: fileName ?? 'pasted.csv' },
    });
    setBusy(undefined);
    if (!r.ok) return setProblem(r.problem);
    toast(`Stored ${storedText(r.value)}`);
    setText('');
    setFileName(undefined);
    onStored();
  };
  const refresh = async () => {
    setBusy('refresh');
    setProblem(undefined);
    const r = await api.post<Stored>(programPath(programId, 'slos', slo.id, 'refresh'), undefined, at ? { query: { at } } : {});
    setBusy(undefined);
    if (!r.ok) return setProblem(r.problem);
    toast(`Pulled ${storedText(r.value)} from Prometheus`);
    onStored();
  };

  return (
    <section className="card slo-data" aria-labelledby="slo-data-title">
      <h2 id="slo-data-title">SLI data</h2>
      <p className="muted slo-note">
        {slo.data
          ? `Now: ${slo.data.samples.toLocaleString('en-US')} samples from ${slo.data.source === 'csv' ? 'a CSV upload' : 'Prometheus'}, ${slo.data.from?.slice(0, 10) ?? '—'} to ${slo.data.to?.slice(0, 10) ?? '—'}. New data replaces it.`
          : 'No data yet.'}{' '}
        A CSV has the header <code>{header}</code>, one row per sample; timestamps are epoch seconds or ISO 8601 with <code>Z</code> or an
        offset
        {ratio
          ? '; good and total are event counts in that sample (increments, not counters)'
          : `; value is the indicator's reading${goodWhen ? `, good when ${goodWhen}` : ''}`}
        .
      </p>
      {problem ? <ProblemBanner problem={problem} /> : null}
      <div className="slo-upload">
        <label className="btn small slo-file">
          Choose a CSV file…
          <input type="file" accept=".csv,text/csv" aria-label="SLI CSV file" onChange={(e) => void pickFile(e)} />
        </label>
        {fileName ? <span className="faint mono">{fileName}</span> : null}
      </div>
      <textarea
        aria-label="SLI CSV"
        className="mono slo-csv"
        placeholder={
          ratio ? `${header}\n2027-03-01T00:00:00Z,9985,10000\n2027-03-01T00:01:00Z,9990,10000` : `${header}\n2027-03-01T00:00:00Z,0.21`
        }
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(undefined);
        }}
        rows={5}
        spellCheck={false}
      />
      <div className="row slo-data-actions">
        <button type="button" className="btn primary" disabled={!text.trim() || busy !== undefined} onClick={() => void upload()}>
          {busy === 'upload' ? <span className="spinner" /> : null}
          Upload CSV
        </button>
        {source ? (
          <button type="button" className="btn" disabled={busy !== undefined} onClick={() => void refresh()} title={source}>
            {busy === 'refresh' ? <span className="spinner" /> : null}
            Refresh from Prometheus
          </button>
        ) : (
          <span className="faint slo-note">
            No Prometheus source: add <code>source: {'{ prometheus: URL }'}</code> to the SLO to pull data.
          </span>
        )}
      </div>
    </section>
  );
}
