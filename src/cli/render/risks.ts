import type { RiskReport } from '../../app/program-risks.js';
import type { Severity } from '../../engine/insights/finding.js';
import type { Style } from './style.js';
import { table } from './table.js';

const WIDTH = 100;

/** Words of `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text: string, indent: string, width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function renderRisks(report: RiskReport, s: Style): string {
  const badge: Record<Severity, string> = { high: s.red('HIGH  '), medium: s.yellow('MEDIUM'), low: s.dim('LOW   ') };
  const out: string[] = [
    s.bold(`Risks for ${report.program} as of ${report.asOf}`) +
      (report.forecast ? s.dim(` · forecast of ${report.forecast.trials} trials, seed ${report.forecast.seed}`) : ''),
    '',
  ];
  for (const f of report.findings) {
    out.push(`${badge[f.severity]} ${s.bold(f.title)} ${s.dim(`[${f.rule}]`)}`);
    out.push(wrap(f.explanation, '       '));
    out.push(wrap(`→ ${f.action}`, '       '));
    if (f.review)
      out.push(s.dim(wrap(`✓ acknowledged by ${f.review.actor} on ${f.review.at.slice(0, 10)}: ${f.review.reason}`, '       ')));
    out.push(s.dim(`       key: ${f.key}`));
    out.push('');
  }
  const count = (sev: Severity) => report.findings.filter((f) => f.severity === sev).length;
  out.push(
    report.findings.length === 0
      ? s.green('No risks detected.')
      : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}: ${count('high')} high, ${count('medium')} medium, ${count('low')} low.`,
  );
  if (report.dismissed.length > 0)
    out.push(s.dim(`${report.dismissed.length} dismissed (see --json): ${report.dismissed.map((f) => f.key).join(', ')}.`));
  if (report.baseline) out.push(s.dim(`Scope compared with baseline "${report.baseline}".`));
  if (report.notRun.length > 0) out.push(s.dim(`Not checked: ${report.notRun.map((n) => `${n.rule} (needs ${n.needs})`).join('; ')}.`));
  if (report.register.length > 0) {
    const days = (x: number | undefined) => (x === undefined ? '' : `${Math.round(x * 10) / 10} d`);
    const money = (x: number | undefined) => (x === undefined ? '' : Math.round(x).toLocaleString('en-US'));
    out.push('', s.bold(`Risk register (${report.register.length})`));
    out.push(
      table(
        ['ID', 'TITLE', 'STATUS', 'P', 'IMPACT', 'EXPOSURE', 'OWNER'],
        report.register.map((r) => [
          r.id,
          r.title.slice(0, 44),
          r.status,
          String(r.probability),
          [days(r.impact.days), money(r.impact.cost)].filter(Boolean).join(' · '),
          [days(r.exposure.days), money(r.exposure.cost)].filter(Boolean).join(' · '),
          r.owner ?? '—',
        ]),
        [3],
      ),
    );
  }
  return out.join('\n');
}
