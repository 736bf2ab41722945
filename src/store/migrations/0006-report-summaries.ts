/** The executive summary a TPM wrote over the computed one, per program: every rendering of the report uses it. */
export const reportSummaries = `
CREATE TABLE report_summaries (
  program_id text PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  -- One sentence or paragraph per line, as the report lists them.
  text       text NOT NULL,
  actor      text NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
