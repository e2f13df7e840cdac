package io.shelfstream.persistence.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.ingest.DeadLetter;
import io.shelfstream.engine.ingest.DeadLetterStore.StoredDeadLetter;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcDeadLetterStoreTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void keepsEveryLetterWithItsRawTextAndReasonNewestFirst(String kind) throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var store = new JdbcDeadLetterStore(pool, executor);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String withNul = RawText.of("{\"a\":\"\0\"}".getBytes(StandardCharsets.UTF_8));
      var first =
          new DeadLetter(
              now,
              "http:pos",
              "line 3",
              "pos",
              "e-1",
              "qty: is required",
              "{\"type\":\"sale\"}",
              null);
      var second =
          new DeadLetter(
              now, "http:pos", "line 9", "pos", null, "line: not valid JSON (x)", withNul, null);

      store.store(List.of(first, second)).toCompletableFuture().get(10, TimeUnit.SECONDS);

      List<StoredDeadLetter> newest =
          store.newest(10).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(newest).extracting(StoredDeadLetter::letter).containsExactly(second, first);
      assertThat(withNul).startsWith("hex:");
      assertThat(store.newest(1).toCompletableFuture().get(10, TimeUnit.SECONDS)).hasSize(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aRedeliveredRecordWithAKeyIsKeptOnce(String kind) throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var store = new JdbcDeadLetterStore(pool, executor);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      var poison =
          new DeadLetter(
              now,
              "kafka:k",
              "topic t partition 0 offset 7",
              "pos",
              null,
              "line: not valid JSON (x)",
              "{",
              "kafka:k|kafka:t:0:7");
      var other =
          new DeadLetter(
              now,
              "kafka:k",
              "topic t partition 0 offset 8",
              "pos",
              null,
              "line: not valid JSON (x)",
              "{",
              "kafka:k|kafka:t:0:8");
      var unkeyed =
          new DeadLetter(
              now, "http:pos", "line 1", "pos", null, "line: not valid JSON (x)", "{", null);

      store.store(List.of(poison, unkeyed)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      store.store(List.of(poison, other, unkeyed)).toCompletableFuture().get(10, TimeUnit.SECONDS);

      List<StoredDeadLetter> all = store.newest(10).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(all)
          .extracting(StoredDeadLetter::letter)
          .containsExactly(unkeyed, other, unkeyed, poison);
    } finally {
      executor.shutdownNow();
    }
  }
}
