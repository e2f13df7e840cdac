package io.shelfstream.persistence.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthStoresTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void storesFindsListsAndRevokesTokens(String kind) throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var store = new JdbcTokenStore(pool, executor);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      var pos =
          new StoredToken(
              "abc123",
              "tills",
              "ingest",
              List.of("pos"),
              List.of("S001", "S002"),
              "00ff",
              "aa".repeat(32),
              now,
              Optional.empty());
      var admin =
          new StoredToken(
              "def456",
              "ops",
              "admin",
              List.of(),
              List.of(),
              "11",
              "bb".repeat(32),
              now.plusSeconds(1),
              Optional.empty());

      assertThat(store.activeAdminCount()).isZero();
      await(store.create(pos));
      await(store.create(admin));
      assertThat(await(store.find("abc123"))).contains(pos);
      assertThat(await(store.find("nope"))).isEmpty();
      assertThat(await(store.list())).containsExactly(pos, admin);
      assertThat(store.activeAdminCount()).isEqualTo(1);

      assertThat(await(store.revoke("def456", now.plusSeconds(2)))).isTrue();
      assertThat(await(store.revoke("def456", now.plusSeconds(3)))).isFalse();
      assertThat(await(store.revoke("nope", now))).isFalse();
      assertThat(await(store.find("def456")).get().revokedAt()).contains(now.plusSeconds(2));
      assertThat(store.activeAdminCount()).isZero();
    } finally {
      executor.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void readsTheNewestAuditEntriesFirst(String kind) throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var audit = new JdbcAuditLog(pool, executor);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      var first =
          new AuditEntry(now, "token abc (ops)", "PUT", "/v1/integrations/k", 200, "127.0.0.1");
      var second =
          new AuditEntry(
              now.plusSeconds(1), "jwt alice", "DELETE", "/v1/tokens/x", 404, "10.0.0.2");
      await(audit.append(first));
      await(audit.append(second));

      assertThat(await(audit.newest(10))).containsExactly(second, first);
      assertThat(await(audit.newest(1))).containsExactly(second);
    } finally {
      executor.shutdownNow();
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
