-- When an organisation's keepers were last reminded by e-mail to check their listing (issue 5:
-- review reminders). One row per organisation; gone with the organisation.
CREATE TABLE review_reminder (
  organization_id TEXT PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
  sent_at TEXT NOT NULL
);
