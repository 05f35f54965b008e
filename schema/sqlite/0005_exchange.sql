-- Supply and demand: postings (requests and offers), the profiles people are matched with,
-- matching rounds, matches and the messages matched people send each other. Personal data is
-- listed in docs/privacy.md: profile (every field), posting texts, match feedback, messages.
-- Everything of an account goes with it (ON DELETE CASCADE); so do the postings of a deleted
-- organisation, with their matches and messages. Lists are comma-separated codes; pairs are
-- "code:value" items of such a list; dates are YYYY-MM-DD; times normalised UTC text.
CREATE TABLE posting (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  side TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  place_name TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  radius_km REAL NOT NULL DEFAULT 10,
  availability INTEGER NOT NULL DEFAULT 0,
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT,
  capacity INTEGER NOT NULL DEFAULT 1,
  certificates TEXT NOT NULL DEFAULT '',
  min_dutch TEXT,
  min_age INTEGER NOT NULL DEFAULT 0,
  skills TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT '',
  goods_category TEXT NOT NULL DEFAULT '',
  delivery TEXT NOT NULL DEFAULT '',
  seats INTEGER NOT NULL DEFAULT 0,
  facilities TEXT NOT NULL DEFAULT '',
  price_cents INTEGER,
  moderated_by TEXT REFERENCES account (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX posting_newest ON posting (created_at, id);
CREATE INDEX posting_status ON posting (status, created_at);
CREATE INDEX posting_author ON posting (author_id);
CREATE INDEX posting_organization ON posting (organization_id);
CREATE INDEX posting_moderator ON posting (moderated_by);
CREATE INDEX posting_ends ON posting (ends_on) WHERE status IN ('open', 'filled');
-- One per account; matched only while consent_at is set.
CREATE TABLE profile (
  account_id TEXT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
  consent_at TEXT,
  wants TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '',
  interests TEXT NOT NULL DEFAULT '',
  availability INTEGER NOT NULL DEFAULT 0,
  place_name TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  travel_km REAL NOT NULL DEFAULT 10,
  max_matches INTEGER NOT NULL DEFAULT 1,
  certificates TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  gender TEXT,
  buddy_gender TEXT,
  waiting_since TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX profile_consenting ON profile (account_id) WHERE consent_at IS NOT NULL;
-- A run of the matching engine; staff review its proposals before they are sent.
CREATE TABLE match_round (
  id TEXT PRIMARY KEY,
  created_by TEXT REFERENCES account (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'proposal',
  favour_waiting INTEGER NOT NULL DEFAULT 0,
  total_score INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX match_round_newest ON match_round (created_at, id);
CREATE INDEX match_round_creator ON match_round (created_by);
-- A person proposed for a posting. Not called "match": that is an SQL keyword (SQLite's MATCH
-- operator, SQL:2011's MATCH of foreign keys).
CREATE TABLE exchange_match (
  id TEXT PRIMARY KEY,
  posting_id TEXT NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  round_id TEXT REFERENCES match_round (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'proposed',
  score INTEGER NOT NULL DEFAULT 0,
  reasons TEXT NOT NULL DEFAULT '[]',
  proposed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  decline_reason TEXT NOT NULL DEFAULT '',
  person_feedback TEXT NOT NULL DEFAULT '',
  poster_feedback TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_match_posting ON exchange_match (posting_id);
CREATE INDEX exchange_match_person ON exchange_match (person_id);
CREATE INDEX exchange_match_round ON exchange_match (round_id);
CREATE INDEX exchange_match_due ON exchange_match (expires_at) WHERE status IN ('proposed', 'person_accepted', 'poster_accepted');
-- At most one pending or active match per person and posting, also when two callers race.
CREATE UNIQUE INDEX exchange_match_open ON exchange_match (posting_id, person_id) WHERE status IN ('proposed', 'person_accepted', 'poster_accepted', 'active');
-- What matched people write to each other through Knooppunt.
CREATE TABLE match_message (
  id TEXT PRIMARY KEY,
  match_id TEXT NOT NULL REFERENCES exchange_match (id) ON DELETE CASCADE,
  sender_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX match_message_match ON match_message (match_id, created_at);
CREATE INDEX match_message_sender ON match_message (sender_id);
