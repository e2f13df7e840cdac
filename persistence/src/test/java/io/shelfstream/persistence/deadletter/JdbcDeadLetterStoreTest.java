package io.shelfstream.persistence.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.shelfstream.engine.ingest.DeadLetter;
import io.shelfstream.engine.ingest.DeadLetterStore.StoredDeadLetter;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcDeadLetterStoreTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void keepsEveryLetterWithItsRawTextAndReasonNewestFirst(String kind) throws Exception {
    try (var on = StoreOn.open(kind, 1)) {
      var store = on.store();
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
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aRedeliveredRecordWithAKeyIsKeptOnce(String kind) throws Exception {
    try (var on = StoreOn.open(kind, 1)) {
      var store = on.store();
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
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void theLettersOfRequestsWaitingTogetherAreCommittedInOneTransaction(String kind)
      throws Exception {
    try (var on = StoreOn.open(kind, 0)) {
      var store = on.store();
      List<CompletableFuture<Void>> stored = new ArrayList<>();
      for (int request = 0; request < 10; request++) {
        stored.add(
            store
                .store(List.of(letter("line " + request, null), letter("line x" + request, null)))
                .toCompletableFuture());
      }

      store.flushQueued();

      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      assertThat(store.newest(100).toCompletableFuture().get(10, TimeUnit.SECONDS)).hasSize(20);
      assertThat(store.transactions()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aLetterThatCannotBeStoredFailsOnlyTheRequestThatSentIt(String kind) throws Exception {
    try (var on = StoreOn.open(kind, 0)) {
      var store = on.store();
      var before = letter("line 1", null);
      var unstorable = letter("line 2", "k".repeat(600)); // record_key holds 512
      var after = letter("line 3", null);
      var first = store.store(List.of(before)).toCompletableFuture();
      var failing = store.store(List.of(unstorable)).toCompletableFuture();
      var last = store.store(List.of(after)).toCompletableFuture();

      store.flushQueued();

      first.get(10, TimeUnit.SECONDS);
      last.get(10, TimeUnit.SECONDS);
      // what the ingestion pipeline reports to the sender of that line
      assertThat(failing.handle((done, error) -> error).get(10, TimeUnit.SECONDS))
          .hasMessageStartingWith("dead letters not stored:")
          .hasMessageFindingMatch("(?i)too long");
      assertThat(store.newest(10).toCompletableFuture().get(10, TimeUnit.SECONDS))
          .extracting(StoredDeadLetter::letter)
          .containsExactly(after, before);
    }
  }

  /** A store on a fresh database of {@code kind} with the schema, and what it runs on. */
  private record StoreOn(
      ExecutorService executor, TestDatabase db, HikariDataSource pool, JdbcDeadLetterStore store)
      implements AutoCloseable {

    /** {@code writers} 0: letters are written only by {@code store().flushQueued()}. */
    static StoreOn open(String kind, int writers) {
      var executor = Executors.newFixedThreadPool(2);
      var db = TestDatabase.create(kind);
      var pool = ConnectionPool.open(db.settings(), 2, "test");
      SchemaCreator.createIfMissing(db.settings());
      return new StoreOn(executor, db, pool, new JdbcDeadLetterStore(pool, executor, writers));
    }

    @Override
    public void close() {
      store.close();
      pool.close();
      db.close();
      executor.shutdownNow();
    }
  }

  private static DeadLetter letter(String where, String recordKey) {
    return new DeadLetter(
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        "http:pos",
        where,
        "pos",
        null,
        "line: not valid JSON (x)",
        "{",
        recordKey);
  }
}
