-- The social map: the HSDS 3.0 tables (field names as in shared/hsds-3.0/schema) and
-- Knooppunt's translation table. References that HSDS publishers commonly leave dangling
-- (parent organisation, taxonomy term parent and taxonomy, contact and location owners,
-- attribute and metadata links) are indexed but not enforced, so that real HSDS data imports.
-- Foreign keys are deferred so that one import may write its records in any order.

CREATE TABLE taxonomy (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  uri TEXT,
  version TEXT
);

CREATE TABLE taxonomy_term (
  id TEXT PRIMARY KEY,
  code TEXT,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_id TEXT,
  taxonomy TEXT,
  language TEXT,
  taxonomy_id TEXT,
  term_uri TEXT
);
CREATE INDEX taxonomy_term_parent_id_idx ON taxonomy_term (parent_id);
CREATE INDEX taxonomy_term_taxonomy_id_idx ON taxonomy_term (taxonomy_id);

CREATE TABLE organization (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT NOT NULL,
  email TEXT,
  website TEXT,
  tax_status TEXT,
  tax_id TEXT,
  year_incorporated BIGINT,
  legal_status TEXT,
  logo TEXT,
  uri TEXT,
  parent_organization_id TEXT
);
CREATE INDEX organization_tax_id_idx ON organization (tax_id);
CREATE INDEX organization_parent_organization_id_idx ON organization (parent_organization_id);

CREATE TABLE organization_identifier (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  identifier_scheme TEXT,
  identifier_type TEXT NOT NULL,
  identifier TEXT NOT NULL
);
CREATE INDEX organization_identifier_organization_id_idx ON organization_identifier (organization_id);

CREATE TABLE program (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT NOT NULL
);
CREATE INDEX program_organization_id_idx ON program (organization_id);

CREATE TABLE service (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  program_id TEXT REFERENCES program (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT,
  url TEXT,
  email TEXT,
  status TEXT NOT NULL,
  interpretation_services TEXT,
  application_process TEXT,
  fees_description TEXT,
  wait_time TEXT,
  fees TEXT,
  accreditations TEXT,
  eligibility_description TEXT,
  minimum_age BIGINT,
  maximum_age BIGINT,
  assured_date TEXT,
  assurer_email TEXT,
  licenses TEXT,
  alert TEXT,
  last_modified TEXT
);
CREATE INDEX service_organization_id_idx ON service (organization_id);
CREATE INDEX service_program_id_idx ON service (program_id);

CREATE TABLE location (
  id TEXT PRIMARY KEY,
  location_type TEXT NOT NULL,
  url TEXT,
  organization_id TEXT,
  name TEXT,
  alternate_name TEXT,
  description TEXT,
  transportation TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  external_identifier TEXT,
  external_identifier_type TEXT
);
CREATE INDEX location_organization_id_idx ON location (organization_id);

CREATE TABLE service_at_location (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description TEXT
);
CREATE INDEX service_at_location_service_id_idx ON service_at_location (service_id);
CREATE INDEX service_at_location_location_id_idx ON service_at_location (location_id);

CREATE TABLE contact (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  service_id TEXT,
  service_at_location_id TEXT,
  location_id TEXT,
  name TEXT,
  title TEXT,
  department TEXT,
  email TEXT
);
CREATE INDEX contact_organization_id_idx ON contact (organization_id);
CREATE INDEX contact_service_id_idx ON contact (service_id);
CREATE INDEX contact_service_at_location_id_idx ON contact (service_at_location_id);
CREATE INDEX contact_location_id_idx ON contact (location_id);

CREATE TABLE phone (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  contact_id TEXT REFERENCES contact (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_at_location_id TEXT REFERENCES service_at_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  number TEXT NOT NULL,
  extension BIGINT,
  type TEXT,
  description TEXT
);
CREATE INDEX phone_location_id_idx ON phone (location_id);
CREATE INDEX phone_service_id_idx ON phone (service_id);
CREATE INDEX phone_organization_id_idx ON phone (organization_id);
CREATE INDEX phone_contact_id_idx ON phone (contact_id);
CREATE INDEX phone_service_at_location_id_idx ON phone (service_at_location_id);

CREATE TABLE address (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  attention TEXT,
  address_1 TEXT NOT NULL,
  address_2 TEXT,
  city TEXT NOT NULL,
  region TEXT,
  state_province TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  country TEXT NOT NULL,
  address_type TEXT NOT NULL
);
CREATE INDEX address_location_id_idx ON address (location_id);

CREATE TABLE schedule (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_at_location_id TEXT REFERENCES service_at_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  valid_from TEXT,
  valid_to TEXT,
  dtstart TEXT,
  timezone DOUBLE PRECISION,
  until TEXT,
  count BIGINT,
  wkst TEXT,
  freq TEXT,
  interval BIGINT,
  byday TEXT,
  byweekno TEXT,
  bymonthday TEXT,
  byyearday TEXT,
  description TEXT,
  opens_at TEXT,
  closes_at TEXT,
  schedule_link TEXT,
  attending_type TEXT,
  notes TEXT
);
CREATE INDEX schedule_service_id_idx ON schedule (service_id);
CREATE INDEX schedule_location_id_idx ON schedule (location_id);
CREATE INDEX schedule_service_at_location_id_idx ON schedule (service_at_location_id);

CREATE TABLE language (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  phone_id TEXT REFERENCES phone (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  code TEXT,
  note TEXT
);
CREATE INDEX language_service_id_idx ON language (service_id);
CREATE INDEX language_location_id_idx ON language (location_id);
CREATE INDEX language_phone_id_idx ON language (phone_id);

CREATE TABLE attribute (
  id TEXT PRIMARY KEY,
  link_id TEXT,
  taxonomy_term_id TEXT REFERENCES taxonomy_term (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  link_type TEXT,
  link_entity TEXT,
  value TEXT
);
CREATE INDEX attribute_link_id_idx ON attribute (link_id);
CREATE INDEX attribute_taxonomy_term_id_idx ON attribute (taxonomy_term_id);

CREATE TABLE funding (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  source TEXT
);
CREATE INDEX funding_organization_id_idx ON funding (organization_id);
CREATE INDEX funding_service_id_idx ON funding (service_id);

CREATE TABLE accessibility (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description TEXT,
  details TEXT,
  url TEXT
);
CREATE INDEX accessibility_location_id_idx ON accessibility (location_id);

CREATE TABLE cost_option (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  valid_from TEXT,
  valid_to TEXT,
  option TEXT,
  currency TEXT,
  amount DOUBLE PRECISION,
  amount_description TEXT
);
CREATE INDEX cost_option_service_id_idx ON cost_option (service_id);

CREATE TABLE required_document (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document TEXT,
  uri TEXT
);
CREATE INDEX required_document_service_id_idx ON required_document (service_id);

CREATE TABLE service_area (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  description TEXT,
  extent TEXT,
  extent_type TEXT,
  uri TEXT
);
CREATE INDEX service_area_service_id_idx ON service_area (service_id);

CREATE TABLE metadata (
  id TEXT PRIMARY KEY,
  resource_id TEXT,
  resource_type TEXT,
  last_action_date TEXT NOT NULL,
  last_action_type TEXT NOT NULL,
  field_name TEXT NOT NULL,
  previous_value TEXT NOT NULL,
  replacement_value TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX metadata_resource_id_idx ON metadata (resource_id);

CREATE TABLE meta_table_description (
  id TEXT PRIMARY KEY,
  name TEXT,
  language TEXT,
  character_set TEXT
);

CREATE TABLE translation (
  id TEXT PRIMARY KEY,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field_name TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX translation_record_id_idx ON translation (record_id);

CREATE INDEX service_last_modified_idx ON service (last_modified);
CREATE INDEX attribute_link_idx ON attribute (link_entity, link_id);
CREATE UNIQUE INDEX translation_key_idx ON translation (table_name, record_id, field_name, language);

-- Every write through the store appends here; readers (the search index) follow it.
CREATE TABLE change_log (
  seq BIGSERIAL PRIMARY KEY,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  action TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
