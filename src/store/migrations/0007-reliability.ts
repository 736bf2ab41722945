/**
 * Issue 6: the service catalog, SLOs, incidents and post-mortems of a program, stored like the
 * other entities: queryable columns plus the whole entity in `body`.
 */
export const reliability = `
ALTER TABLE history DROP CONSTRAINT history_entity_check;
ALTER TABLE history ADD CONSTRAINT history_entity_check CHECK (entity IN
  ('program', 'team', 'workstream', 'item', 'dependency', 'risk', 'decision', 'service', 'slo', 'incident', 'postmortem'));

CREATE TABLE services (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  name        text,
  kind        text NOT NULL,
  team_id     text NOT NULL,
  tier        smallint,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE slos (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  service_id  text NOT NULL,
  -- Percent, e.g. 99.9.
  objective   numeric NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE incidents (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  title       text NOT NULL,
  severity    text NOT NULL,
  status      text NOT NULL,
  started_at  timestamptz NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);
CREATE INDEX incidents_open ON incidents (program_id, severity) WHERE status <> 'resolved';

CREATE TABLE postmortems (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  incident_id text NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);
`;
