import { type DragEvent, useRef, useState } from 'react';
import { type ApiProblem, request } from '../api/client';
import { ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { programHref } from '../nav';
import { Link } from '../router';
import { FileProblems, type ImportProblem } from './import/file-problems';
import './import.css';

interface Saved {
  programId: string;
  created: boolean;
  version: number;
  changes: number;
  /** MS Project files: what could not be carried over exactly. */
  caveats?: string[];
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string; size: number }
  | { kind: 'saved'; name: string; saved: Saved }
  | { kind: 'problems'; name: string; text: string; problems: ImportProblem[] }
  | { kind: 'failed'; name: string; problem: ApiProblem };

const contentTypeOf = (name: string) =>
  /\.ya?ml$/i.test(name)
    ? 'application/yaml'
    : /\.json$/i.test(name)
      ? 'application/json'
      : /\.xml$/i.test(name)
        ? 'application/xml'
        : 'text/plain';

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Brings a program in from a file: a Throughline program (YAML/JSON) or MS Project XML. Atomic: a file with problems changes nothing. */
export function ImportScreen() {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const send = async (file: File) => {
    setPhase({ kind: 'sending', name: file.name, size: file.size });
    const text = await file.text();
    const r = await request<Saved>('POST', '/api/programs/import', {
      text,
      contentType: contentTypeOf(file.name),
      query: { file: file.name },
    });
    if (r.ok) return setPhase({ kind: 'saved', name: file.name, saved: r.value });
    const problems = r.problem.body.problems;
    if (Array.isArray(problems) && problems.length > 0)
      return setPhase({ kind: 'problems', name: file.name, text, problems: problems as ImportProblem[] });
    setPhase({ kind: 'failed', name: file.name, problem: r.problem });
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void send(file);
  };

  return (
    <div className="page im">
      <PageHead
        title="Import a program"
        sub="A Throughline program file (YAML or JSON) or an MS Project XML file. A file with any problem changes nothing."
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer shortcut; the button is the keyboard path. */}
      <div
        className={`card im-drop ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <div className="im-drop-icon" aria-hidden="true">
          ⇪
        </div>
        <div>
          <strong>Drop a file here</strong> <span className="muted">or</span>{' '}
          <button type="button" className="btn small" onClick={() => input.current?.click()}>
            Choose a file…
          </button>
        </div>
        <span className="faint">.yaml · .yml · .json · .xml (MS Project)</span>
        <input
          ref={input}
          type="file"
          aria-label="Program file"
          accept=".yaml,.yml,.json,.xml"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }}
        />
      </div>
      {phase.kind === 'sending' ? (
        <div className="card im-status" aria-busy="true">
          <div className="row">
            <span className="spinner" /> Checking and saving <strong>{phase.name}</strong>{' '}
            <span className="faint">({size(phase.size)})</span>
          </div>
          <div className="progress" role="progressbar" aria-label="Importing" />
        </div>
      ) : null}
      {phase.kind === 'saved' ? (
        <section className="card im-status im-ok" aria-label="Imported">
          <div className="im-ok-head">
            <span className="im-check" aria-hidden="true">
              ✓
            </span>
            <div>
              <h2>{phase.saved.created ? 'Program created' : 'Program updated'}</h2>
              <span className="muted">from {phase.name}</span>
            </div>
          </div>
          <dl className="im-facts">
            <div>
              <dt>Program</dt>
              <dd className="mono">{phase.saved.programId}</dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd>v{phase.saved.version}</dd>
            </div>
            <div>
              <dt>Changes</dt>
              <dd>{phase.saved.changes === 0 ? 'none: the program already matched the file' : phase.saved.changes.toLocaleString()}</dd>
            </div>
          </dl>
          {phase.saved.caveats && phase.saved.caveats.length > 0 ? (
            <details className="im-caveats">
              <summary>
                {phase.saved.caveats.length} {phase.saved.caveats.length === 1 ? 'thing' : 'things'} from MS Project could not be carried
                over exactly
              </summary>
              <ul>
                {phase.saved.caveats.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="row">
            <Link className="btn primary" href={programHref(phase.saved.programId)}>
              Open the program →
            </Link>
          </div>
        </section>
      ) : null}
      {phase.kind === 'problems' ? <FileProblems name={phase.name} text={phase.text} problems={phase.problems} /> : null}
      {phase.kind === 'failed' ? <ProblemBanner problem={phase.problem} /> : null}
    </div>
  );
}
