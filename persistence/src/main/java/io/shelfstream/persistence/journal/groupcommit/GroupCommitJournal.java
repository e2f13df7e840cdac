package io.shelfstream.persistence.journal.groupcommit;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.groupcommit.GroupCommitWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import org.apache.pekko.serialization.SerializationExtension;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * A journal plugin with group commit, writing the pekko-persistence-jdbc schema so that its read
 * journal (eventsByTag, eventsByPersistenceId), its snapshot store and projections work on what it
 * writes. Events of all entities that persist at the same time share one transaction and one insert
 * statement, where the stock plugin runs one insert per event.
 *
 * <p>Configured under {@code shelfstream-journal} (see shelfstream-persistence.conf); the database
 * is set at start by {@code JournalConfig}.
 */
public final class GroupCommitJournal extends AsyncWriteJournal {
  private final HikariDataSource pool;
  private final RowCodec codec;
  private final GroupCommitWriter<JournalRow> writer;
  private final JournalQueries queries;
  private final Executor reads;

  public GroupCommitJournal(Config config) {
    var db =
        new DatabaseSettings(
            config.getString("db.url"),
            config.getString("db.user"),
            config.getString("db.password"),
            config.getInt("db.pool-size"));
    int writers = config.getInt("writers");
    this.pool = ConnectionPool.open(db, db.poolSize(), "shelfstream-journal");
    this.codec = new RowCodec(SerializationExtension.get(context().system()));
    this.writer =
        new GroupCommitWriter<>(
            "journal",
            "events",
            pool,
            BatchInsert.forDialect(db.dialect()),
            writers,
            config.getInt("max-batch-events"));
    this.queries = new JournalQueries(pool, codec, config.getInt("replay-page-size"));
    this.reads = context().system().dispatchers().lookup(config.getString("read-dispatcher"));
  }

  /**
   * One result per atomic write: empty when written; an exception when the write was rejected
   * because its events cannot be serialized (the others are still written).
   */
  @Override
  public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(
      Iterable<AtomicWrite> messages) {
    long now = System.currentTimeMillis();
    List<Optional<Exception>> results = new ArrayList<>();
    List<JournalRow> rows = new ArrayList<>();
    for (AtomicWrite write : messages) {
      try {
        rows.addAll(codec.rows(write, now));
        results.add(Optional.empty());
      } catch (RuntimeException notSerializable) {
        results.add(Optional.of(notSerializable));
      }
    }
    CompletionStage<Iterable<Optional<Exception>>> written =
        rows.isEmpty()
            ? CompletableFuture.completedFuture(results)
            : writer.write(rows).thenApply(done -> results);
    return FutureConverters.asScala(written);
  }

  @Override
  public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
    return blocking(
        () -> {
          queries.deleteTo(persistenceId, toSequenceNr);
          return null;
        });
  }

  @Override
  public Future<Void> doAsyncReplayMessages(
      String persistenceId, long from, long to, long max, Consumer<PersistentRepr> callback) {
    return blocking(
        () -> {
          queries.replay(persistenceId, from, to, max, callback);
          return null;
        });
  }

  @Override
  public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long from) {
    return blocking(() -> queries.highestSequenceNr(persistenceId));
  }

  @Override
  public void postStop() {
    writer.close();
    pool.close();
  }

  private interface Query<T> {
    T run() throws Exception;
  }

  private <T> Future<T> blocking(Query<T> query) {
    return FutureConverters.asScala(
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return query.run();
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            },
            reads));
  }
}
