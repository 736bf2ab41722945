/**
 * Local accounts, sessions, API tokens and roles per program. Secrets are never stored: a session
 * or token is kept as the SHA-256 of its random value, a password as its scrypt hash.
 */
export const accounts = `
CREATE TABLE users (
  login          text PRIMARY KEY,
  name           text NOT NULL,
  -- scrypt$N$r$p$salt$hash (base64url); see app/password.ts.
  password_hash  text NOT NULL,
  -- Site administrators manage users and see every program.
  is_admin       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  login       text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
  -- Sent back in X-CSRF-Token by the web app on every write made with the session cookie.
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_by_login ON sessions (login);

CREATE TABLE api_tokens (
  -- The public part of the token (tl_<id>_<secret>); the secret is kept only as a hash.
  id           text PRIMARY KEY,
  login        text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
  name         text NOT NULL,
  secret_hash  text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz
);

CREATE TABLE program_roles (
  program_id  text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  login       text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  PRIMARY KEY (program_id, login)
);
CREATE INDEX program_roles_by_login ON program_roles (login);
`;
