/**
 * Integrations per program (issue 8): the configuration of each kind (Jira, GitHub, Confluence,
 * Slack) as the TPM wrote it, an optional secret the server keeps beside it and never gives back,
 * a short log of the last sync/publish/test results, and the tracker's activity (Jira changelog)
 * that feeds the item history. None of it is part of the model: no change sets, so no secret can
 * reach the history. Removing the program removes all of it.
 */
export const integrations = `
CREATE TABLE integrations (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('jira', 'github', 'confluence', 'slack')),
  -- NULL while only a secret is set.
  config      jsonb,
  -- Write-only: read by the server for its own calls, never listed.
  secret      text,
  actor       text NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, kind)
);
CREATE TABLE integration_results (
  id          bigserial PRIMARY KEY,
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('jira', 'github', 'confluence', 'slack')),
  run         text NOT NULL CHECK (run IN ('sync', 'publish', 'test')),
  at          timestamptz NOT NULL,
  ok          boolean NOT NULL,
  summary     jsonb,
  error       text,
  actor       text NOT NULL
);
CREATE INDEX integration_results_latest ON integration_results (program_id, kind, at DESC, id DESC);
CREATE TABLE tracker_activity (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  -- Unique per tracker and change (e.g. jira:10146:0): recording it again is a no-op.
  id          text NOT NULL,
  item_id     text NOT NULL,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  field       text NOT NULL,
  from_value  text,
  to_value    text,
  PRIMARY KEY (program_id, id)
);
CREATE INDEX tracker_activity_item ON tracker_activity (program_id, item_id, at DESC);
`;
