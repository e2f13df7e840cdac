-- Shelfstream schema for H2. Run statement by statement, at every start: each statement is
-- idempotent. The journal and snapshot tables are those of pekko-persistence-jdbc 1.1.1
-- (schema/h2/h2-create-schema.sql in its jar), quoted in lower case as its H2 profile expects,
-- without the schema prefix, and with IF NOT EXISTS on the index.

CREATE TABLE IF NOT EXISTS "event_journal" (
  "ordering" BIGINT UNIQUE NOT NULL AUTO_INCREMENT,
  "deleted" BOOLEAN DEFAULT false NOT NULL,
  "persistence_id" VARCHAR(255) NOT NULL,
  "sequence_number" BIGINT NOT NULL,
  "writer" VARCHAR NOT NULL,
  "write_timestamp" BIGINT NOT NULL,
  "adapter_manifest" VARCHAR NOT NULL,
  "event_payload" BLOB NOT NULL,
  "event_ser_id" INTEGER NOT NULL,
  "event_ser_manifest" VARCHAR NOT NULL,
  "meta_payload" BLOB,
  "meta_ser_id" INTEGER,
  "meta_ser_manifest" VARCHAR,
  PRIMARY KEY("persistence_id","sequence_number")
);

CREATE UNIQUE INDEX IF NOT EXISTS "event_journal_ordering_idx" ON "event_journal" ("ordering");

-- Without pekko-persistence-jdbc's foreign key to event_journal, and keyed by (tag, event_id)
-- for the read journal's eventsByTag: see postgres.sql. Tables created before keep their
-- (event_id, tag) primary key beside the index (H2 names it, so it cannot be dropped by name).
CREATE TABLE IF NOT EXISTS "event_tag" (
  "event_id" BIGINT NOT NULL,
  "tag" VARCHAR NOT NULL
);

ALTER TABLE "event_tag" DROP CONSTRAINT IF EXISTS fk_event_journal;

CREATE UNIQUE INDEX IF NOT EXISTS "event_tag_tag_event_idx" ON "event_tag" ("tag", "event_id");

CREATE TABLE IF NOT EXISTS "snapshot" (
  "persistence_id" VARCHAR(255) NOT NULL,
  "sequence_number" BIGINT NOT NULL,
  "created" BIGINT NOT NULL,
  "snapshot_ser_id" INTEGER NOT NULL,
  "snapshot_ser_manifest" VARCHAR NOT NULL,
  "snapshot_payload" BLOB NOT NULL,
  "meta_ser_id" INTEGER,
  "meta_ser_manifest" VARCHAR,
  "meta_payload" BLOB,
  PRIMARY KEY("persistence_id","sequence_number")
);

-- The dedupe index and the one-off migrations done: see postgres.sql.
CREATE TABLE IF NOT EXISTS "dedupe_index" (
  "event_day" INTEGER NOT NULL,
  "event_key" UUID NOT NULL,
  PRIMARY KEY("event_day", "event_key")
);

CREATE TABLE IF NOT EXISTS "schema_migration" (
  "name" VARCHAR(128) PRIMARY KEY,
  "done_at" TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The record store: see postgres.sql.
CREATE TABLE IF NOT EXISTS "record_state" (
  "persistence_id" VARCHAR(255) NOT NULL,
  "record_id" VARCHAR(255) NOT NULL,
  "as_of_seq" BIGINT NOT NULL,
  "state" BLOB NOT NULL,
  PRIMARY KEY("persistence_id", "record_id")
);

-- Records that could not become events, with why: nothing sent is ever dropped.
CREATE TABLE IF NOT EXISTS dead_letter(
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  channel VARCHAR(255) NOT NULL,
  position VARCHAR(255) NOT NULL,
  source VARCHAR(255),
  event_id VARCHAR(255),
  reason VARCHAR NOT NULL,
  raw_text VARCHAR NOT NULL
);

-- Sources that can redeliver (Kafka) give each record a key, so a redelivered rejection is kept
-- once. Added by ALTER so that databases created before it get it too.
ALTER TABLE dead_letter ADD COLUMN IF NOT EXISTS record_key VARCHAR(512);

CREATE UNIQUE INDEX IF NOT EXISTS dead_letter_record_key_idx ON dead_letter(record_key);

-- Read model kept by the location-activity projection (one instance per inventory tag slice):
-- what happened at each location, every journaled inventory event counted exactly once. Each
-- slice keeps its own row per location, so that the instances never contend; reads sum them.
CREATE TABLE IF NOT EXISTS location_activity(
  location_id VARCHAR(128) NOT NULL,
  slice INTEGER NOT NULL,
  events BIGINT NOT NULL,
  counts BIGINT NOT NULL,
  units_sold BIGINT NOT NULL,
  units_returned BIGINT NOT NULL,
  units_received BIGINT NOT NULL,
  units_adjusted BIGINT NOT NULL,
  last_event_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY(location_id, slice)
);

-- The file ledger of the file sources (directory, sftp): each file an integration has read, its
-- latest version (size, modification time as ISO-8601, SHA-256 once read whole) and how far its
-- reading went (the last line whose records are all durable, and the byte after it), so that a
-- restart resumes after that line and a re-uploaded identical file is skipped.
CREATE TABLE IF NOT EXISTS file_ledger(
  integration_id VARCHAR(255) NOT NULL,
  file_name VARCHAR(1024) NOT NULL,
  file_size BIGINT NOT NULL,
  modified_at VARCHAR(40) NOT NULL,
  state VARCHAR(16) NOT NULL,
  sha256 VARCHAR(64),
  last_line BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  accepted BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY(integration_id, file_name)
);

-- API tokens (http-api, io.shelfstream.http.auth): never the token itself, only its id, a random
-- salt and SHA-256(salt || secret), both hex. sources and stores are comma-separated scopes, empty
-- for none. A revoked token keeps its row, with revoked_at, for the audit trail.
CREATE TABLE IF NOT EXISTS api_token(
  id VARCHAR(32) PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  role VARCHAR(16) NOT NULL,
  sources VARCHAR(4096) NOT NULL,
  stores VARCHAR(4096) NOT NULL,
  salt VARCHAR(64) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE
);

-- The audit trail of management, token, replay and re-drive requests: who (a token id and name,
-- or a JWT subject), what (method, path, answer status), when and from where.
CREATE TABLE IF NOT EXISTS audit_log(
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(512) NOT NULL,
  method VARCHAR(16) NOT NULL,
  path VARCHAR(2048) NOT NULL,
  status INTEGER NOT NULL,
  remote VARCHAR(128) NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_log_at_idx ON audit_log(recorded_at);
