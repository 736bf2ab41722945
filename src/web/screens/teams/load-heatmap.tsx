import { type MouseEvent, useMemo, useRef, useState } from 'react';
import type { Team } from '../../api/types';
import { ChartTooltip } from '../../components/charts/chart-tooltip';
import { DAY, formatDay, percent, timeOf } from '../../components/charts/scales';
import { useWidth } from '../../components/charts/use-width';
import type { TeamWeek } from './team-load';

const NAME_WIDTH = 196;
const PEAK_WIDTH = 56;
const SPACING = 2;

/** A load ratio as a band: calm under 80 %, amber up to 100 %, red over. */
export function loadBand(load: number, capacity: number): 'idle' | 'calm' | 'busy' | 'over' {
  if (load <= 0) return 'idle';
  if (capacity <= 0 || load > capacity + 1e-9) return 'over';
  return load / capacity >= 0.8 ? 'busy' : 'calm';
}

/** The cell's colour: a tint of the band's colour, stronger as the load grows within the band. */
function cellColour(load: number, capacity: number): string | undefined {
  const band = loadBand(load, capacity);
  const r = capacity > 0 ? load / capacity : 2;
  const mix = (colour: string, share: number) => `color-mix(in srgb, var(${colour}) ${Math.round(share)}%, var(--surface))`;
  if (band === 'idle') return undefined;
  if (band === 'calm') return mix('--accent', 10 + (r / 0.8) * 32);
  if (band === 'busy') return mix('--amber', 45 + ((r - 0.8) / 0.2) * 30);
  return mix('--red', 62 + Math.min(1, (r - 1) / 0.6) * 33);
}

interface Hover {
  readonly x: number;
  readonly y: number;
  readonly cell: TeamWeek;
}

/** Rows are teams, columns are weeks; each cell is that week's load against capacity. */
export function LoadHeatmap({ cells, teams, label }: { cells: readonly TeamWeek[]; teams: readonly Team[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 900);
  const [hover, setHover] = useState<Hover | undefined>();
  const weeks = useMemo(() => [...new Set(cells.map((c) => c.week))].sort(), [cells]);
  const byKey = useMemo(() => new Map(cells.map((c) => [`${c.team}|${c.week}`, c])), [cells]);
  const shown = teams.filter((t) => cells.some((c) => c.team === t.id));
  // border-spacing (SPACING px) sits between every column and at both ends.
  const cellWidth = Math.max(12, Math.floor((width - NAME_WIDTH - PEAK_WIDTH - (weeks.length + 3) * SPACING) / Math.max(1, weeks.length)));
  const showNumbers = cellWidth >= 34;
  // Month headers span the weeks whose Monday falls in that month.
  const months: { label: string; first: string; span: number }[] = [];
  for (const w of weeks) {
    const label = formatDay(timeOf(w)).split(' ')[0] as string;
    const last = months[months.length - 1];
    if (last && last.label === label) last.span += 1;
    else months.push({ label, first: w, span: 1 });
  }
  const firstYear = weeks[0]?.slice(0, 4) ?? '';
  const lastYear = weeks[weeks.length - 1]?.slice(0, 4) ?? '';
  const years = firstYear === lastYear ? firstYear : `${firstYear}–${lastYear}`;
  const exceptionIn = (team: Team, week: string) => {
    const end = new Date(timeOf(week) + 6 * DAY).toISOString().slice(0, 10);
    return team.exceptions.find((e) => e.from <= end && (e.to ?? e.from) >= week);
  };
  const enter = (e: MouseEvent<HTMLTableCellElement>, cell: TeamWeek) => {
    const host = box.current?.getBoundingClientRect();
    const r = e.currentTarget.getBoundingClientRect();
    if (host) setHover({ x: r.left - host.left + r.width / 2, y: r.bottom - host.top + 4, cell });
  };
  const hoverTeam = hover ? teams.find((t) => t.id === hover.cell.team) : undefined;
  const hoverException = hover && hoverTeam ? exceptionIn(hoverTeam, hover.cell.week) : undefined;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the hover tooltip is for the mouse; each cell's aria-label carries the same figures.
    <div className="chart tm-heat-box" ref={box} onMouseLeave={() => setHover(undefined)}>
      <table
        className="tm-heat"
        aria-label={label}
        style={{ width: NAME_WIDTH + PEAK_WIDTH + weeks.length * cellWidth + (weeks.length + 3) * SPACING }}
      >
        <colgroup>
          <col style={{ width: NAME_WIDTH }} />
          {weeks.map((w) => (
            <col key={w} style={{ width: cellWidth }} />
          ))}
          <col style={{ width: PEAK_WIDTH }} />
        </colgroup>
        <thead>
          <tr className="tm-months">
            <th className="tm-years">{years}</th>
            {months.map((m) => (
              <th key={m.first} colSpan={m.span} scope="colgroup">
                {m.span >= 2 ? m.label : ''}
              </th>
            ))}
            <th />
          </tr>
          <tr className="tm-weeks">
            <th scope="col" className="tm-name">
              Team
            </th>
            {weeks.map((w) => (
              <th key={w} scope="col" aria-label={`Week of ${formatDay(timeOf(w), true)}`}>
                {cellWidth >= 18 ? Number(w.slice(8)) : ''}
              </th>
            ))}
            <th scope="col" className="tm-peak">
              Peak
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((team) => {
            const row = weeks.map((w) => byKey.get(`${team.id}|${w}`) ?? { team: team.id, week: w, load: 0, capacity: 0 });
            const peak = Math.max(0, ...row.map((c) => (c.capacity > 0 ? c.load / c.capacity : c.load > 0 ? 2 : 0)));
            return (
              <tr key={team.id}>
                <th scope="row" className="tm-name" title={team.name}>
                  {team.name}
                </th>
                {row.map((c) => {
                  const band = loadBand(c.load, c.capacity);
                  const exception = exceptionIn(team, c.week);
                  const ratio = c.capacity > 0 ? c.load / c.capacity : undefined;
                  const text = `${team.name}, week of ${formatDay(timeOf(c.week), true)}: ${c.load} of ${c.capacity} person-days${ratio !== undefined ? ` (${percent(ratio)})` : ''}${exception ? `; ${exception.reason ?? 'capacity exception'}` : ''}`;
                  return (
                    <td
                      key={c.week}
                      className={`tm-cell ${band}${exception ? ' exception' : ''}`}
                      data-team={team.id}
                      data-week={c.week}
                      data-band={band}
                      aria-label={text}
                      style={{ background: cellColour(c.load, c.capacity) }}
                      onMouseEnter={(e) => enter(e, c)}
                    >
                      {showNumbers && ratio !== undefined && c.load > 0 ? Math.round(ratio * 100) : ''}
                    </td>
                  );
                })}
                <td className={`tm-peak num ${peak > 1 ? 'over' : peak >= 0.8 ? 'busy' : ''}`}>{percent(peak)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hover ? (
        <ChartTooltip x={hover.x} y={hover.y} width={width}>
          <div className="tt-title">{hoverTeam?.name ?? hover.cell.team}</div>
          <div className="tt-row">
            Week of <b>{formatDay(timeOf(hover.cell.week), true)}</b>
          </div>
          <div className="tt-row">
            Load <b>{hover.cell.load} person-days</b>
          </div>
          <div className="tt-row">
            Capacity <b>{hover.cell.capacity} person-days</b>
          </div>
          <div className="tt-row">
            Utilisation{' '}
            <b>{hover.cell.capacity > 0 ? percent(hover.cell.load / hover.cell.capacity) : hover.cell.load > 0 ? 'no capacity' : '—'}</b>
          </div>
          {hoverException ? (
            <div className="tt-row">
              Exception <b>{hoverException.reason ?? `capacity ${hoverException.capacity}`}</b>
            </div>
          ) : null}
        </ChartTooltip>
      ) : null}
    </div>
  );
}
