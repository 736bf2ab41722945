/** Named what-if scenarios: changes laid over the live program, kept until applied or thrown away. */
export const scenarios = `
CREATE TABLE scenarios (
  program_id   text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  name         text NOT NULL,
  created_at   timestamptz NOT NULL,
  actor        text NOT NULL,
  -- The program version the scenario was written against.
  base_version bigint NOT NULL,
  -- The scenario file's content: { scenario, description?, changes }.
  body         jsonb NOT NULL,
  PRIMARY KEY (program_id, name)
);
`;
