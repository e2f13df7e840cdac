package io.shelfstream.persistence.journal.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.groupcommit.GroupCommitWriter;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupCommitWriterTest {

  private static JournalRow row(String persistenceId, long sequenceNr) {
    return new JournalRow(
        persistenceId,
        sequenceNr,
        "writer-1",
        1L,
        "",
        33,
        "m",
        new byte[] {1, 2, 3},
        null,
        null,
        null,
        List.of("inventory-0"),
        List.of(),
        List.of());
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void writesOfManyEntitiesShareOneTransactionAndTheirTagsFollow(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var writer =
          new GroupCommitWriter<>(
              "journal", "events", pool, BatchInsert.forDialect(db.settings().dialect()), 0, 100);
      var a = writer.write(List.of(row("A", 1), row("A", 2)));
      var b = writer.write(List.of(row("B", 1)));
      writer.flushQueued();

      a.toCompletableFuture().get(5, TimeUnit.SECONDS);
      b.toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(writer.batches()).isEqualTo(1);
      assertThat(writer.items()).isEqualTo(3);
      try (Connection connection = pool.getConnection();
          ResultSet rows =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT j.\"persistence_id\", j.\"sequence_number\", t.\"tag\" FROM \"event_journal\" j"
                          + " JOIN \"event_tag\" t ON t.\"event_id\" = j.\"ordering\" ORDER BY j.\"ordering\"")) {
        StringBuilder found = new StringBuilder();
        while (rows.next()) {
          found
              .append(rows.getString(1))
              .append(rows.getLong(2))
              .append(rows.getString(3))
              .append(' ');
        }
        assertThat(found.toString())
            .as("in batch order, each with its tag")
            .isEqualTo("A1inventory-0 A2inventory-0 B1inventory-0 ");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aWriteThatCannotBeStoredFailsAloneAndTheRestOfItsBatchIsWritten(String kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var writer =
          new GroupCommitWriter<>(
              "journal", "events", pool, BatchInsert.forDialect(db.settings().dialect()), 0, 100);
      writer.write(List.of(row("X", 1)));
      writer.flushQueued();

      // X seq 1 again (as a second writer of the same entity would): only it may fail
      var duplicate = writer.write(List.of(row("X", 1)));
      var other = writer.write(List.of(row("Y", 1), row("Y", 2)));
      writer.flushQueued();

      other.toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThatThrownBy(() -> duplicate.toCompletableFuture().get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
      try (Connection connection = pool.getConnection();
          ResultSet count =
              connection.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(3);
      }
    }
  }
}
