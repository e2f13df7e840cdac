package io.shelfstream.engine.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;

/**
 * An in-memory journal whose recovery of chosen persistence ids can be held back until a test lets
 * it through: a slow entity on demand (as one loading a large snapshot is), next to entities that
 * answer at once. Recovery, not writes: Pekko's journal answers writes in the order they arrived,
 * so a held write would hold every later entity's too. One per JVM (holds and events are static).
 */
public final class HeldJournal extends AsyncWriteJournal {
  public static final String PLUGIN_ID = "shelfstream-test.held-journal";

  private static final Map<String, CompletableFuture<Void>> HOLDS = new ConcurrentHashMap<>();
  private static final Map<String, List<PersistentRepr>> EVENTS = new ConcurrentHashMap<>();
  private static final Map<String, Long> DELETED_TO = new ConcurrentHashMap<>();

  public static Config config() {
    return ConfigFactory.parseString(
        """
        pekko.persistence.journal.plugin = "%s"
        %s.class = "%s"
        """
            .formatted(PLUGIN_ID, PLUGIN_ID, HeldJournal.class.getName()));
  }

  /** Holds the recovery of {@code persistenceId} until {@link #release} is called for it. */
  public static void hold(String persistenceId) {
    HOLDS.put(persistenceId, new CompletableFuture<>());
  }

  public static void release(String persistenceId) {
    CompletableFuture<Void> hold = HOLDS.remove(persistenceId);
    if (hold != null) {
      hold.complete(null);
    }
  }

  /** The journal entries written for {@code persistenceId} so far. */
  public static int written(String persistenceId) {
    List<PersistentRepr> events = EVENTS.get(persistenceId);
    if (events == null) {
      return 0;
    }
    synchronized (events) {
      return events.size();
    }
  }

  @Override
  public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(
      Iterable<AtomicWrite> messages) {
    List<Optional<Exception>> results = new ArrayList<>();
    for (AtomicWrite write : messages) {
      List<PersistentRepr> events =
          EVENTS.computeIfAbsent(write.persistenceId(), id -> new ArrayList<>());
      synchronized (events) {
        events.addAll(CollectionConverters.asJava(write.payload()));
      }
      results.add(Optional.empty());
    }
    return Futures.successful(results);
  }

  @Override
  public Future<Void> doAsyncReplayMessages(
      String persistenceId,
      long fromSequenceNr,
      long toSequenceNr,
      long max,
      Consumer<PersistentRepr> replayCallback) {
    long from = Math.max(fromSequenceNr, DELETED_TO.getOrDefault(persistenceId, 0L) + 1);
    List<PersistentRepr> events = EVENTS.getOrDefault(persistenceId, List.of());
    synchronized (events) {
      events.stream()
          .filter(e -> e.sequenceNr() >= from && e.sequenceNr() <= toSequenceNr)
          .limit(max)
          .forEach(replayCallback);
    }
    return Futures.successful(null);
  }

  /** Recovery asks this first: where a held recovery waits. */
  @Override
  public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
    CompletableFuture<Void> hold =
        HOLDS.getOrDefault(persistenceId, CompletableFuture.completedFuture(null));
    return FutureConverters.asScala(hold.thenApply(released -> highest(persistenceId)));
  }

  private static long highest(String persistenceId) {
    List<PersistentRepr> events = EVENTS.getOrDefault(persistenceId, List.of());
    synchronized (events) {
      return events.isEmpty() ? 0L : events.get(events.size() - 1).sequenceNr();
    }
  }

  /**
   * Marks events deleted rather than removing them: a journal must still report the highest
   * sequence number of an id whose events are all deleted, or its entity would reuse the numbers.
   */
  @Override
  public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
    DELETED_TO.merge(persistenceId, toSequenceNr, Math::max);
    return Futures.successful(null);
  }
}
