/**
 * The program model. Each entity table keeps the columns the store filters and joins on, plus
 * `body`: the whole entity as the domain schema produced it, which is what history compares.
 * `position` keeps the author's order for display; it is not part of the entity.
 */
export const programModel = `
CREATE TABLE programs (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  body        jsonb NOT NULL,
  -- Bumped on every change set; a cheap cache key and, later, an ETag.
  version     bigint NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE teams (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  name        text NOT NULL,
  capacity    numeric NOT NULL CHECK (capacity > 0),
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE workstreams (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  name        text NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE items (
  program_id     text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id             text NOT NULL,
  position       integer NOT NULL,
  title          text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('task', 'epic', 'milestone', 'procurement', 'long-lead')),
  team_id        text,
  workstream_id  text,
  parent_id      text,
  state          text NOT NULL CHECK (state IN ('not-started', 'in-progress', 'blocked', 'done', 'cancelled')),
  priority       smallint CHECK (priority BETWEEN 1 AND 4),
  body           jsonb NOT NULL,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, team_id) REFERENCES teams (program_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (program_id, workstream_id) REFERENCES workstreams (program_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (program_id, parent_id) REFERENCES items (program_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX items_by_team ON items (program_id, team_id);

CREATE TABLE dependencies (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  -- "from->to": one link per ordered pair of items.
  id          text NOT NULL,
  position    integer NOT NULL,
  from_id     text NOT NULL,
  to_id       text NOT NULL,
  type        text NOT NULL CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
  lag         numeric NOT NULL,
  state       text NOT NULL CHECK (state IN ('requested', 'accepted', 'at-risk', 'broken')),
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, from_id) REFERENCES items (program_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (program_id, to_id) REFERENCES items (program_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX dependencies_by_to ON dependencies (program_id, to_id);

CREATE TABLE risks (
  program_id   text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id           text NOT NULL,
  position     integer NOT NULL,
  title        text NOT NULL,
  status       text NOT NULL,
  probability  numeric NOT NULL CHECK (probability BETWEEN 0 AND 1),
  body         jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE decisions (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  id          text NOT NULL,
  position    integer NOT NULL,
  title       text NOT NULL,
  status      text NOT NULL,
  need_by     date,
  body        jsonb NOT NULL,
  PRIMARY KEY (program_id, id)
);

-- One change set per load or edit: who, when, from where; history rows hang off it.
CREATE TABLE change_sets (
  id          bigserial PRIMARY KEY,
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  source      text NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX change_sets_by_program ON change_sets (program_id, id DESC);

CREATE TABLE history (
  id             bigserial PRIMARY KEY,
  change_set_id  bigint NOT NULL REFERENCES change_sets (id) ON DELETE CASCADE,
  entity         text NOT NULL CHECK (entity IN ('program', 'team', 'workstream', 'item', 'dependency', 'risk', 'decision')),
  entity_id      text NOT NULL,
  op             text NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  before         jsonb,
  after          jsonb,
  CHECK ((op = 'create') = (before IS NULL) AND (op = 'delete') = (after IS NULL))
);
CREATE INDEX history_by_entity ON history (entity, entity_id);
`;
