/** One problem of an imported file, as the import route words it. */
export interface ImportProblem {
  code: string;
  message: string;
  hint?: string;
  line?: number;
  column?: number;
  /** MS Project files: the task, resource or calendar it is about, e.g. `Task UID 12`. */
  subject?: string;
}

/** Each problem with where it is (line:column), its code, what is wrong and how to fix it, and the lines around it. */
export function FileProblems({ name, text, problems }: { name: string; text: string; problems: ImportProblem[] }) {
  const lines = text.split('\n');
  return (
    <section className="card im-problems" aria-label="Problems">
      <div className="im-problems-head">
        <h2>
          {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in {name}
        </h2>
        <span className="muted">Nothing was changed. Fix them in the file and drop it again.</span>
      </div>
      <ol className="im-list">
        {problems.map((p, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems can repeat the same code and place.
          <li key={n} className="im-problem">
            <div className="im-problem-head">
              <span className="im-where mono">
                {p.line !== undefined ? `${name}:${p.line}:${p.column ?? 1}` : name}
                {p.subject ? <span className="muted"> · {p.subject}</span> : null}
              </span>
              <span className="badge red mono">{p.code}</span>
            </div>
            <div className="im-message">{p.message}</div>
            {p.hint ? <div className="im-hint">↳ {p.hint}</div> : null}
            {p.line !== undefined ? <Excerpt lines={lines} line={p.line} column={p.column ?? 1} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Excerpt({ lines, line, column }: { lines: string[]; line: number; column: number }) {
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 1);
  const shown = [];
  for (let n = from; n <= to; n++) shown.push(n);
  return (
    <pre className="im-excerpt">
      {shown.map((n) => (
        <span key={n}>
          <span className={n === line ? 'im-line bad' : 'im-line'}>
            <span className="im-no">{n}</span>
            {lines[n - 1] ?? ''}
            {'\n'}
          </span>
          {n === line ? (
            <span className="im-line im-caret" aria-hidden="true">
              <span className="im-no" />
              {`${' '.repeat(Math.max(0, column - 1))}^`}
            </span>
          ) : null}
        </span>
      ))}
    </pre>
  );
}
