package io.shelfstream.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCreatorTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void createsEveryTableAndCanRunAgainAtTheNextStart(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      SchemaCreator.createIfMissing(db.settings());
      SchemaCreator.createIfMissing(db.settings());

      try (Connection connection =
          DriverManager.getConnection(
              db.settings().url(), db.settings().user(), db.settings().password())) {
        for (String table :
            new String[] {"event_journal", "event_tag", "snapshot", "dead_letter", "file_ledger"}) {
          try (ResultSet rows =
              connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            boolean found = false;
            while (rows.next()) {
              found |= rows.getString("TABLE_NAME").equalsIgnoreCase(table);
            }
            assertThat(found).as(table + " exists in " + kind).isTrue();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aTagTableOfTheStockSchemaGetsTheTagIndexAndKeepsItsRowsUnique(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        Connection connection =
            DriverManager.getConnection(
                db.settings().url(), db.settings().user(), db.settings().password());
        Statement sql = connection.createStatement()) {
      // as pekko-persistence-jdbc's DDL (and Shelfstream's before the tag index) made it
      sql.execute(
          "CREATE TABLE \"event_tag\" (\"event_id\" BIGINT NOT NULL, \"tag\" VARCHAR(256)"
              + " NOT NULL, PRIMARY KEY(\"event_id\", \"tag\"))");
      sql.execute("INSERT INTO \"event_tag\" VALUES (1, 'inventory-0'), (1, 'store-0')");

      SchemaCreator.createIfMissing(db.settings());
      SchemaCreator.createIfMissing(db.settings());

      List<String> indexed = new ArrayList<>();
      try (ResultSet index =
          connection
              .getMetaData()
              .getIndexInfo(null, connection.getSchema(), "event_tag", true, false)) {
        while (index.next()) {
          if ("event_tag_tag_event_idx".equalsIgnoreCase(index.getString("INDEX_NAME"))) {
            indexed.add(index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      assertThat(indexed).as("the unique tag index in " + kind).containsExactly("tag", "event_id");
      assertThatThrownBy(() -> sql.execute("INSERT INTO \"event_tag\" VALUES (1, 'inventory-0')"))
          .as("a tag row written twice")
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void nodesStartedTogetherAllCreateTheSchema(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      var nodes = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> starts = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
          starts.add(nodes.submit(() -> SchemaCreator.createIfMissing(db.settings())));
        }
        for (Future<?> start : starts) {
          start.get(60, TimeUnit.SECONDS);
        }
      } finally {
        nodes.shutdownNow();
      }
    }
  }

  @Test
  void snapshotsOfATableMadeWithTheDefaultCompressionAreCompressedWithLz4() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.create("postgres");
        Connection connection =
            DriverManager.getConnection(
                db.settings().url(), db.settings().user(), db.settings().password());
        Statement sql = connection.createStatement()) {
      SchemaCreator.createIfMissing(db.settings());
      sql.execute("ALTER TABLE snapshot ALTER COLUMN snapshot_payload SET COMPRESSION pglz");
      SchemaCreator.createIfMissing(db.settings()); // as at the next start

      // a payload as compressible as a location's ids, large enough to be compressed
      sql.execute(
          "INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot_ser_id,"
              + " snapshot_ser_manifest, snapshot_payload) SELECT 'LocationInventory|L1', 1, 0,"
              + " 1, 'm', convert_to(string_agg('pos|evt-' || n, ','), 'UTF8')"
              + " FROM generate_series(1, 50000) AS n");
      try (ResultSet row =
          sql.executeQuery("SELECT pg_column_compression(snapshot_payload) FROM snapshot")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("lz4");
      }
    }
  }

  @Test
  void splitsTheDdlIntoStatementsWithoutComments() {
    var statements = SchemaCreator.statements("shelfstream/schema/postgres.sql");
    assertThat(statements).hasSize(19);
    assertThat(statements)
        .allSatisfy(sql -> assertThat(sql).doesNotContain("--").doesNotEndWith(";"));
  }

  @Test
  void anUnreachableDatabaseIsNamedInTheError() {
    var nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p", 1);
    assertThatThrownBy(() -> SchemaCreator.createIfMissing(nowhere))
        .isInstanceOf(SchemaCreator.SchemaException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none");
  }
}
