import type { StatusReport } from './status-report.js';

/** XML text and attribute escaping. */
// XML 1.0 cannot hold C0 control characters other than tab, newline and carriage return, even
// escaped; a title with one (a YAML "\x01") would make the Confluence page and the SVG unparseable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids are the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const esc = (text: string) =>
  text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
const f1 = (x: number) => Math.round(x * 10) / 10;

const COLORS = {
  ink: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  line: '#2563eb',
  target: '#dc2626',
  plan: '#9ca3af',
  green: '#16a34a',
  amber: '#d97706',
  red: '#dc2626',
};

/** Month ticks between two day numbers: the first of each month, at most ~8 labels. */
function monthTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  const d = new Date(from * DAY_MS);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  while (d.getTime() / DAY_MS <= to) {
    ticks.push(d.getTime() / DAY_MS);
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  const step = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % step === 0);
}

/**
 * The chance a milestone is done by each date (its forecast S-curve), with its target as a red
 * line and the 50 % and 80 % points marked.
 */
export function sCurveSvg(m: StatusReport['milestones'][number]): string {
  const W = 360;
  const H = 170;
  const L = 36;
  const R = 12;
  const T = 12;
  const B = 34;
  const pts = m.curve;
  if (pts.length === 0) return '';
  const days = [...pts.map((p) => dayNumber(p.at)), ...(m.target ? [dayNumber(m.target)] : [])];
  let lo = Math.min(...days) - 3;
  let hi = Math.max(...days) + 3;
  if (hi - lo < 14) [lo, hi] = [lo - 7, hi + 7];
  const x = (d: number) => f1(L + ((d - lo) / (hi - lo)) * (W - L - R));
  const y = (p: number) => f1(T + (1 - p / 100) * (H - T - B));
  const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(dayNumber(p.at))},${y(p.p)}`).join(' ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Chance that ${m.title} is done by each date`)}">`,
  ];
  for (const p of [0, 50, 80, 100]) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(p)}" y2="${y(p)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${L - 4}" y="${y(p) + 3}" font-size="9" text-anchor="end" fill="${COLORS.muted}">${p}%</text>`);
  }
  for (const t of monthTicks(lo, hi))
    parts.push(`<text x="${x(t)}" y="${H - B + 14}" font-size="9" text-anchor="middle" fill="${COLORS.muted}">${short(dateOf(t))}</text>`);
  if (m.target) {
    const tx = x(dayNumber(m.target));
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${T}" y2="${H - B}" stroke="${COLORS.target}" stroke-dasharray="4 3"/>`);
    // Label on the side with room: right of the line unless it is near the right edge.
    const right = tx < W - R - 60;
    parts.push(
      `<text x="${right ? tx + 3 : tx - 3}" y="${T + 9}" font-size="9" text-anchor="${right ? 'start' : 'end'}" fill="${COLORS.target}">target ${short(m.target)}</text>`,
    );
  }
  parts.push(`<path d="${path}" fill="none" stroke="${COLORS.line}" stroke-width="2"/>`);
  for (const [label, at, p] of [
    ['50%', m.p50, 50],
    ['80%', m.p80, 80],
  ] as const) {
    parts.push(`<circle cx="${x(dayNumber(at))}" cy="${y(p)}" r="3" fill="${COLORS.line}"/>`);
    parts.push(
      `<text x="${x(dayNumber(at)) - 4}" y="${y(p) - 5}" font-size="9" text-anchor="end" fill="${COLORS.ink}">${label}: ${short(at)}</text>`,
    );
  }
  parts.push(`<text x="${L}" y="${H - 4}" font-size="9" fill="${COLORS.muted}">chance it is done by each date</text>`, '</svg>');
  return parts.join('');
}

/** Work done (actual) against work planned to be done, week by week, with today marked. */
export function burnUpSvg(b: StatusReport['burnUp'], asOf: string): string {
  const W = 720;
  const H = 220;
  const L = 40;
  const R = 16;
  const T = 16;
  const B = 30;
  if (b.weeks.length === 0) return '';
  const lo = dayNumber(b.weeks[0]?.week as string);
  const hi = dayNumber(b.weeks[b.weeks.length - 1]?.week as string) + 7;
  const x = (d: number) => f1(L + ((d - lo) / Math.max(1, hi - lo)) * (W - L - R));
  const y = (n: number) => f1(T + (1 - n / Math.max(1, b.total)) * (H - T - B));
  const line = (values: readonly (number | null)[]) =>
    b.weeks
      .map((w, i) => ({ d: dayNumber(w.week) + 6, v: values[i] }))
      .filter((p): p is { d: number; v: number } => p.v !== null && p.v !== undefined)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.d)},${y(p.v)}`)
      .join(' ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Work done against plan">`,
  ];
  for (const n of [0, Math.round(b.total / 2), b.total]) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(n)}" y2="${y(n)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${L - 4}" y="${y(n) + 3}" font-size="9" text-anchor="end" fill="${COLORS.muted}">${n}</text>`);
  }
  for (const t of monthTicks(lo, hi))
    parts.push(`<text x="${x(t)}" y="${H - 10}" font-size="9" text-anchor="middle" fill="${COLORS.muted}">${short(dateOf(t))}</text>`);
  const today = x(dayNumber(asOf));
  parts.push(`<line x1="${today}" x2="${today}" y1="${T}" y2="${H - B}" stroke="${COLORS.ink}" stroke-dasharray="2 3"/>`);
  parts.push(`<text x="${today + 3}" y="${T + 8}" font-size="9" fill="${COLORS.ink}">today</text>`);
  parts.push(
    `<path d="${line(b.weeks.map((w) => w.planned))}" fill="none" stroke="${COLORS.plan}" stroke-width="2" stroke-dasharray="5 3"/>`,
  );
  const actual = line(b.weeks.map((w) => w.actual));
  if (actual) parts.push(`<path d="${actual}" fill="none" stroke="${COLORS.green}" stroke-width="2.5"/>`);
  const lastActual = [...b.weeks].reverse().find((w) => w.actual !== null);
  if (lastActual?.actual != null)
    parts.push(`<circle cx="${x(dayNumber(lastActual.week) + 6)}" cy="${y(lastActual.actual)}" r="3.5" fill="${COLORS.green}"/>`);
  parts.push(
    // Top left: the planned line starts low, so the corner is free.
    `<line x1="${L + 10}" x2="${L + 34}" y1="${T + 4}" y2="${T + 4}" stroke="${COLORS.plan}" stroke-width="2" stroke-dasharray="5 3"/>`,
    `<text x="${L + 40}" y="${T + 7}" font-size="10" fill="${COLORS.muted}">planned</text>`,
    `<line x1="${L + 10}" x2="${L + 34}" y1="${T + 18}" y2="${T + 18}" stroke="${COLORS.green}" stroke-width="2.5"/>`,
    `<text x="${L + 40}" y="${T + 21}" font-size="10" fill="${COLORS.muted}">done (of ${b.total} pieces of work)</text>`,
    '</svg>',
  );
  return parts.join('');
}

/** One bar per workstream from its first start to its last finish, the baseline finish as a ghost, milestones as diamonds. */
export function ganttSvg(g: StatusReport['gantt'], asOf: string): string {
  const rowH = 24;
  const L = 190;
  const R = 16;
  const T = 22;
  const W = 760;
  const H = T + (g.rows.length + 1) * rowH + 20;
  const lo = dayNumber(g.start);
  const hi = Math.max(dayNumber(g.end), ...g.rows.map((r) => dayNumber(r.baselineFinish ?? r.finish))) + 7;
  const x = (d: number) => f1(L + ((d - lo) / Math.max(1, hi - lo)) * (W - L - R));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Roadmap by workstream">`,
  ];
  for (const t of monthTicks(lo, hi)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${T - 6}" y2="${H - 16}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${x(t)}" y="${T - 9}" font-size="9" text-anchor="middle" fill="${COLORS.muted}">${short(dateOf(t))}</text>`);
  }
  g.rows.forEach((r, i) => {
    const y = T + i * rowH;
    parts.push(
      `<text x="${L - 8}" y="${y + 15}" font-size="11" text-anchor="end" fill="${COLORS.ink}">${esc(r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name)}</text>`,
    );
    if (r.baselineFinish && r.baselineFinish !== r.finish) {
      parts.push(
        `<rect x="${x(dayNumber(r.start))}" y="${y + 4}" width="${Math.max(2, x(dayNumber(r.baselineFinish) + 1) - x(dayNumber(r.start)))}" height="14" rx="3" fill="none" stroke="${COLORS.plan}" stroke-dasharray="3 2"/>`,
      );
    }
    parts.push(
      `<rect x="${x(dayNumber(r.start))}" y="${y + 6}" width="${Math.max(2, x(dayNumber(r.finish) + 1) - x(dayNumber(r.start)))}" height="10" rx="3" fill="${r.critical ? COLORS.red : COLORS.line}" opacity="0.85"/>`,
    );
  });
  const my = T + g.rows.length * rowH;
  parts.push(`<text x="${L - 8}" y="${my + 15}" font-size="11" text-anchor="end" fill="${COLORS.ink}">Milestones</text>`);
  for (const m of g.milestones) {
    const cx = x(dayNumber(m.at) + 0.5);
    const late = m.target !== null && m.at > m.target;
    parts.push(
      `<path d="M${cx},${my + 4} l6,7 l-6,7 l-6,-7 z" fill="${late ? COLORS.red : COLORS.ink}"><title>${esc(`${m.id}: ${m.at}${m.target ? ` (target ${m.target})` : ''}`)}</title></path>`,
    );
  }
  const today = x(dayNumber(asOf));
  parts.push(`<line x1="${today}" x2="${today}" y1="${T - 4}" y2="${H - 16}" stroke="${COLORS.ink}" stroke-dasharray="2 3"/>`);
  parts.push(`<text x="${today + 3}" y="${H - 6}" font-size="9" fill="${COLORS.ink}">today</text>`);
  parts.push(
    `<text x="${W - R}" y="${H - 6}" font-size="9" text-anchor="end" fill="${COLORS.muted}">red: sets the end date · dashed: baseline · red diamond: past its target</text>`,
    '</svg>',
  );
  return parts.join('');
}
