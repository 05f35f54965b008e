-- "Report a mistake" messages from visitors, for the organisation and the help desk. Personal
-- data: `email` is optional and kept only to ask about the report (docs/privacy.md).
CREATE TABLE report (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  organization_id TEXT,
  message TEXT NOT NULL,
  email TEXT,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new'
);
CREATE INDEX report_service ON report (service_id);
CREATE INDEX report_organization ON report (organization_id);
