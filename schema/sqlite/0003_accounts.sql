-- Accounts, roles, sessions, one-time links, sign-in throttling, API keys, claims and
-- registrations, the audit log and the e-mail outbox. Personal data is listed in
-- docs/privacy.md: account.email and display_name, outbox.to_address and body, token.email.
CREATE TABLE account (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  email_verified_at TEXT,
  totp_secret TEXT,
  totp_last_step INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE account_role (
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account_id, role, scope)
);
CREATE INDEX account_role_scope ON account_role (scope);
-- Only a hash of the session id is stored: a copy of the database does not sign anyone in.
CREATE TABLE account_session (
  id_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  second_factor INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX account_session_account ON account_session (account_id);
-- One-time links sent by e-mail: verify an address, reset a password, join an organisation.
CREATE TABLE account_token (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  account_id TEXT REFERENCES account (id) ON DELETE CASCADE,
  email TEXT NOT NULL DEFAULT '',
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT '',
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX account_token_account ON account_token (account_id);
-- Failed sign-ins per keyed hash of an account's address or a client address.
CREATE TABLE sign_in_failure (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  blocked_until TEXT NOT NULL DEFAULT ''
);
CREATE TABLE api_key (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_by TEXT REFERENCES account (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_key_organization ON api_key (organization_id);
-- "Claim this listing" and "register an organisation", waiting for the help desk.
CREATE TABLE organization_request (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE,
  proposal TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',
  created_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE INDEX organization_request_status ON organization_request (status, region);
-- Who did what and when: an actor id, never a name or an address. Append-only.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_table TEXT NOT NULL DEFAULT '',
  target_id TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- Mails waiting to go out; a row is deleted once the SMTP server accepted it.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  account_id TEXT REFERENCES account (id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_attempt_at);
-- Values the program makes once and keeps, such as the key of the sign-in throttle's hashes.
CREATE TABLE setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
