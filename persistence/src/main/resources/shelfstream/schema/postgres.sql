-- Shelfstream schema for PostgreSQL. Run statement by statement, at every start: each statement
-- is idempotent. The journal and snapshot tables are those of pekko-persistence-jdbc 1.1.1
-- (schema/postgres/postgres-create-schema.sql in its jar), without the schema prefix so that a
-- connection's search_path decides where they live, and with IF NOT EXISTS on the index.

CREATE TABLE IF NOT EXISTS event_journal(
  ordering BIGSERIAL,
  persistence_id VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  deleted BOOLEAN DEFAULT FALSE NOT NULL,
  writer VARCHAR(255) NOT NULL,
  write_timestamp BIGINT,
  adapter_manifest VARCHAR(255),
  event_ser_id INTEGER NOT NULL,
  event_ser_manifest VARCHAR(255) NOT NULL,
  event_payload BYTEA NOT NULL,
  meta_ser_id INTEGER,
  meta_ser_manifest VARCHAR(255),
  meta_payload BYTEA,
  PRIMARY KEY(persistence_id, sequence_number)
);

CREATE UNIQUE INDEX IF NOT EXISTS event_journal_ordering_idx ON event_journal(ordering);

-- Without pekko-persistence-jdbc's foreign key to event_journal (dropped from tables created
-- before): checking it cost a lookup and a row lock in event_journal per tag row, about a fifth
-- of PostgreSQL's time under load. The journal writes an event and its tags in one statement,
-- and Shelfstream never deletes events (its journal only marks them deleted), so the key guarded
-- nothing; a tag row left behind by a hard delete would match no event in the read journal's
-- join.
--
-- Keyed by (tag, event_id), not pekko-persistence-jdbc's (event_id, tag): the read journal's
-- eventsByTag (TagIndexReadJournalDao) reads a range of one tag's events, which the stock key
-- could only find by probing every event of the range, of every tag. The unique index is the
-- key; tables created with the stock primary key lose it here (the index enforces the same).
CREATE TABLE IF NOT EXISTS event_tag(
  event_id BIGINT NOT NULL,
  tag VARCHAR(256) NOT NULL
);

-- Each ALTER runs only when there is something to change: an ALTER TABLE takes the table's
-- strongest lock even when it changes nothing, and every writer would queue behind a starting
-- node that waits for it (each DO block is one line: statements end at a line's ';').
DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'event_tag'::regclass AND conname = 'fk_event_journal') THEN ALTER TABLE event_tag DROP CONSTRAINT fk_event_journal; END IF; END $$;

CREATE UNIQUE INDEX IF NOT EXISTS event_tag_tag_event_idx ON event_tag(tag, event_id);

DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'event_tag'::regclass AND conname = 'event_tag_pkey') THEN ALTER TABLE event_tag DROP CONSTRAINT event_tag_pkey; END IF; END $$;

CREATE TABLE IF NOT EXISTS snapshot(
  persistence_id VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  created BIGINT NOT NULL,
  snapshot_ser_id INTEGER NOT NULL,
  snapshot_ser_manifest VARCHAR(255) NOT NULL,
  snapshot_payload BYTEA NOT NULL,
  meta_ser_id INTEGER,
  meta_ser_manifest VARCHAR(255),
  meta_payload BYTEA,
  PRIMARY KEY(persistence_id, sequence_number)
);

-- A location's snapshot is megabytes of ids, and its entity takes no command until it is stored.
-- PostgreSQL's default compression (pglz) took about 14 ms of CPU per MB of them on the bench
-- host; lz4 (PostgreSQL 14 and later, when built with it, as Debian's and the official images
-- are) takes about a sixth of that for as small a result. Elsewhere the column keeps pglz.
DO $$ BEGIN IF current_setting('server_version_num')::int >= 140000 THEN IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'snapshot'::regclass AND attname = 'snapshot_payload' AND attcompression <> 'l') THEN ALTER TABLE snapshot ALTER COLUMN snapshot_payload SET COMPRESSION lz4; END IF; END IF; EXCEPTION WHEN feature_not_supported THEN NULL; END $$;

-- The dedupe index: the key of every journaled event of the golden record (the day it occurred
-- and a 128-bit digest of its record, source and id: io.shelfstream.engine.dedupe.EventKey),
-- written by the journal in the same transaction as the event. An entity remembers only recent
-- ids; it asks the index for an id it may have forgotten, so that a redelivery is a duplicate
-- however long after it comes. Day first: new keys go to a narrow range, not all over the index.
CREATE TABLE IF NOT EXISTS dedupe_index(
  event_day INTEGER NOT NULL,
  event_key UUID NOT NULL,
  PRIMARY KEY(event_day, event_key)
);

-- One-off data migrations done on this database (e.g. filling the dedupe index from a journal
-- written before it existed), so that each runs once.
CREATE TABLE IF NOT EXISTS schema_migration(
  name VARCHAR(128) PRIMARY KEY,
  done_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The record store: SKU records a location's entity moved out of memory (past its share of
-- shelfstream.golden-record.records-in-memory), as of the journal entry that evicted them
-- (as_of_seq), written in that entry's transaction and read back when needed again.
CREATE TABLE IF NOT EXISTS record_state(
  persistence_id VARCHAR(255) NOT NULL,
  record_id VARCHAR(255) NOT NULL,
  as_of_seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY(persistence_id, record_id)
);

-- Records that could not become events, with why: nothing sent is ever dropped.
CREATE TABLE IF NOT EXISTS dead_letter(
  id BIGSERIAL PRIMARY KEY,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  channel VARCHAR(255) NOT NULL,
  position VARCHAR(255) NOT NULL,
  source VARCHAR(255),
  event_id VARCHAR(255),
  reason TEXT NOT NULL,
  raw_text TEXT NOT NULL
);

-- Sources that can redeliver (Kafka) give each record a key, so a redelivered rejection is kept
-- once. Added by ALTER so that databases created before it get it too.
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'dead_letter'::regclass AND attname = 'record_key' AND NOT attisdropped) THEN ALTER TABLE dead_letter ADD COLUMN record_key VARCHAR(512); END IF; END $$;

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
  id BIGSERIAL PRIMARY KEY,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(512) NOT NULL,
  method VARCHAR(16) NOT NULL,
  path VARCHAR(2048) NOT NULL,
  status INTEGER NOT NULL,
  remote VARCHAR(128) NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_log_at_idx ON audit_log(recorded_at);
