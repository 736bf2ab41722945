/**
 * SLI samples per program SLO, one row per SLO holding the whole series compactly: timestamps and
 * values as little-endian float64 arrays in bytea (a 28-day window of 1-minute samples is 40,320
 * points, ~1 MB for a ratio SLI), replaced whole on every upload or refresh. Removing the SLO
 * (or the program) removes its data.
 */
export const sliSeries = `
CREATE TABLE sli_series (
  program_id  text NOT NULL,
  slo_id      text NOT NULL,
  -- ratio: a = good, b = total events per sample; threshold: a = the metric's value, b is NULL.
  kind        text NOT NULL CHECK (kind IN ('ratio', 'threshold')),
  source      text NOT NULL CHECK (source IN ('csv', 'prometheus')),
  samples     integer NOT NULL,
  -- First and last sample, ms since the epoch; NULL when there are none.
  from_ms     double precision,
  to_ms       double precision,
  timestamps  bytea NOT NULL,
  a           bytea NOT NULL,
  b           bytea,
  actor       text NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, slo_id),
  FOREIGN KEY (program_id, slo_id) REFERENCES slos (program_id, id) ON DELETE CASCADE
);
`;
