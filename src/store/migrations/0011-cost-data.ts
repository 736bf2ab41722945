/**
 * Cloud cost per program, by billing period (the invoice month, FOCUS BillingPeriodStart): one row
 * per period holding its rows in the columnar form (ADR 0019) — typed arrays as little-endian
 * bytes in `arrays`, dictionaries and tag sets as JSON in `dicts`. An import replaces the periods
 * it holds and keeps the others, in one transaction. The resource inventory is one row per program,
 * replaced on upload. Neither is part of the model: no history, removed with the program.
 */
export const costData = `
CREATE TABLE cost_periods (
  program_id       text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  billing_period   date NOT NULL,
  row_count        integer NOT NULL,
  first_day        date,
  last_day         date,
  billed_total     double precision NOT NULL,
  effective_total  double precision NOT NULL,
  arrays           bytea NOT NULL,
  dicts            jsonb NOT NULL,
  file             text NOT NULL,
  actor            text NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (program_id, billing_period)
);
-- The arrays are dense numbers that pglz barely shrinks; compressing tens of MB per import costs
-- seconds in embedded PostgreSQL. Stored out of line, uncompressed.
ALTER TABLE cost_periods ALTER COLUMN arrays SET STORAGE EXTERNAL;
CREATE TABLE cost_inventory (
  program_id   text PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  resources    jsonb NOT NULL,
  file         text NOT NULL,
  actor        text NOT NULL,
  updated_at   timestamptz NOT NULL
);
`;
