package io.shelfstream.persistence.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whatever an insert throws, every write of the batch completes: stored, or failed alone. */
class GroupCommitWriterFailureTest {

  @Test
  void anInsertThatThrowsAnUncheckedExceptionFailsOnlyTheWriteItCannotStore() throws Exception {
    try (TestDatabase db = TestDatabase.create("h2");
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      GroupCommitWriter.Insert<String> insert =
          (connection, items) -> {
            if (items.contains("unstorable")) {
              throw new IllegalStateException("cannot store " + items);
            }
          };
      try (var writer = new GroupCommitWriter<>("test", "items", pool, insert, 0, 100)) {
        var before = writer.write(List.of("a")).toCompletableFuture();
        var failing = writer.write(List.of("unstorable")).toCompletableFuture();
        var after = writer.write(List.of("b", "c")).toCompletableFuture();

        writer.flushQueued();

        before.get(5, TimeUnit.SECONDS);
        after.get(5, TimeUnit.SECONDS);
        assertThat(failing.handle((done, error) -> error).get(5, TimeUnit.SECONDS))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("cannot store [unstorable]");
      }
    }
  }
}
