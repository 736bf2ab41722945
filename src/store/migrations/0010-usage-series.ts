/**
 * Usage history per capacity resource, one row per resource holding the whole series compactly:
 * timestamps and values as little-endian float64 arrays in bytea, replaced whole on every upload or
 * refresh (as `sli_series`, migration 8). Removing the resource (or the program) removes its history.
 */
export const usageSeries = `
CREATE TABLE usage_series (
  program_id   text NOT NULL,
  resource_id  text NOT NULL,
  source       text NOT NULL CHECK (source IN ('csv', 'prometheus')),
  samples      integer NOT NULL,
  -- First and last sample, ms since the epoch; NULL when there are none.
  from_ms      double precision,
  to_ms        double precision,
  timestamps   bytea NOT NULL,
  -- In the resource's unit.
  vals         bytea NOT NULL,
  actor        text NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (program_id, resource_id),
  FOREIGN KEY (program_id, resource_id) REFERENCES capacity_resources (program_id, id) ON DELETE CASCADE
);
`;
