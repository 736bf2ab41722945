/**
 * What the TPM keeps about a program besides the model: baselines (a frozen model and plan to
 * measure slips against), reviews of detected risks, and status snapshots (each report's figures,
 * for trends and "since the last report").
 */
export const insights = `
CREATE TABLE baselines (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  actor       text NOT NULL,
  -- The program version the baseline froze.
  version     bigint NOT NULL,
  model       jsonb NOT NULL,
  -- Planned start and finish of every item then, and the milestones' forecast if one was run.
  plan        jsonb NOT NULL,
  PRIMARY KEY (program_id, name)
);

CREATE TABLE finding_reviews (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  finding_key text NOT NULL,
  verdict     text NOT NULL CHECK (verdict IN ('acknowledged', 'dismissed')),
  reason      text NOT NULL CHECK (length(reason) > 0),
  actor       text NOT NULL,
  at          timestamptz NOT NULL,
  PRIMARY KEY (program_id, finding_key)
);

CREATE TABLE status_snapshots (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  as_of       date NOT NULL,
  taken_at    timestamptz NOT NULL,
  version     bigint NOT NULL,
  summary     jsonb NOT NULL,
  PRIMARY KEY (program_id, as_of)
);
`;
