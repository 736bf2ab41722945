/**
 * Issue 7: capacity resources and migrations of a program, stored like the other entities:
 * queryable columns plus the whole entity in `body`. Cost policy and tech debt need no tables:
 * they live in the program's and the items' bodies.
 */
export const capacityAndMigrations = `
ALTER TABLE history DROP CONSTRAINT history_entity_check;
ALTER TABLE history ADD CONSTRAINT history_entity_check CHECK (entity IN
  ('program', 'team', 'workstream', 'item', 'dependency', 'risk', 'decision', 'service', 'slo', 'incident', 'postmortem',
   'capacity', 'migration'));

CREATE TABLE capacity_resources (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  unit        text NOT NULL,
  team_id     text,
  -- In the resource's own unit.
  installed   numeric NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE migrations (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  title       text NOT NULL,
  target      date,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);
`;
