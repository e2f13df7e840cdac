package io.shelfstream.sources.files;

import io.shelfstream.engine.integration.RunningSource;
import io.shelfstream.engine.integration.SourceContext;
import io.shelfstream.engine.ledger.FileLedger;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import scala.concurrent.ExecutionContextExecutor;

/**
 * One run of a file integration: opens its store, then polls it on its interval (and when
 * triggered), reading each ready file to its end before the next. Stopping lets the file being read
 * make its in-flight records durable and record them, then ends: the next run resumes after them.
 */
final class FileRun implements RunningSource {
  private enum Tick {
    INSTANCE
  }

  private final CompletableFuture<Done> ready = new CompletableFuture<>();
  private final CompletableFuture<Done> completion = new CompletableFuture<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final BoundedSourceQueue<Tick> triggers;
  private final Scheduler scheduler;
  private final ExecutionContextExecutor dispatcher;
  private volatile UniqueKillSwitch killSwitch;

  FileRun(
      FileStoreKind kind,
      FileSettings settings,
      FileLedger ledger,
      FileStatus status,
      SourceContext context,
      Executor files,
      Clock clock) {
    Pair<BoundedSourceQueue<Tick>, Source<Tick, NotUsed>> queue =
        Source.<Tick>queue(1).preMaterialize(context.system());
    this.triggers = queue.first();
    this.scheduler = context.system().scheduler();
    this.dispatcher = context.system().executionContext();
    CompletableFuture.supplyAsync(() -> open(kind, settings), files)
        .thenCompose(
            store -> {
              status.opened(store.describe());
              FileJob job =
                  new FileJob(
                      new FileWork(
                          settings,
                          store,
                          context,
                          ledger,
                          status,
                          stopping,
                          files,
                          RowDecoding.of(context.system()),
                          clock));
              FilePoller poller = new FilePoller(settings, clock);
              Pair<UniqueKillSwitch, CompletionStage<Done>> run =
                  Source.tick(java.time.Duration.ZERO, settings.pollInterval(), Tick.INSTANCE)
                      .merge(queue.second())
                      .viaMat(KillSwitches.single(), Keep.right())
                      .mapAsync(1, tick -> poll(store, poller, job, status, files, clock))
                      .toMat(Sink.ignore(), Keep.both())
                      .run(context.system());
              killSwitch = run.first();
              if (stopping.get()) {
                run.first().shutdown();
              }
              return run.second().whenComplete((done, error) -> closeQuietly(store));
            })
        .whenComplete(
            (done, error) -> {
              closeTriggers(triggers);
              if (error != null) {
                ready.completeExceptionally(error);
                completion.completeExceptionally(error);
              } else {
                completion.complete(Done.getInstance());
              }
            });
  }

  private static FileStore open(FileStoreKind kind, FileSettings settings) {
    try {
      return kind.open(settings.store());
    } catch (java.io.IOException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  private CompletionStage<Done> poll(
      FileStore store,
      FilePoller poller,
      FileJob job,
      FileStatus status,
      Executor files,
      Clock clock) {
    if (stopping.get()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return CompletableFuture.supplyAsync(() -> list(store), files)
        .thenCompose(
            listed -> {
              status.polled(clock.instant());
              ready.complete(Done.getInstance());
              CompletionStage<Done> chain = CompletableFuture.completedFuture(Done.getInstance());
              List<FilePoller.Ready> readyFiles = poller.ready(listed);
              poller.recheckIn().ifPresent(this::recheckAfter);
              for (FilePoller.Ready file : readyFiles) {
                chain =
                    chain.thenCompose(
                        previous ->
                            stopping.get()
                                ? CompletableFuture.completedFuture(Done.getInstance())
                                : job.run(file.file(), file.feed()));
              }
              return chain;
            });
  }

  /**
   * A file seen still settling is listed again once it can be stable, rather than a whole poll
   * interval later; if a poll is already queued, that one will do.
   */
  private void recheckAfter(java.time.Duration wait) {
    scheduler.scheduleOnce(
        wait,
        () -> {
          if (!stopping.get()) {
            triggers.offer(Tick.INSTANCE); // a queue already closed answers QueueClosed
          }
        },
        dispatcher);
  }

  private static List<StoredFile> list(FileStore store) {
    try {
      return store.list();
    } catch (java.io.IOException e) {
      throw new java.util.concurrent.CompletionException(
          new java.io.IOException("cannot list " + store.describe() + ": " + e.getMessage(), e));
    }
  }

  /**
   * A stream that failed or was cancelled has closed the queue already, and then {@code complete}
   * throws: that must not keep the run from reporting its end, or the supervisor never restarts it.
   */
  private static void closeTriggers(BoundedSourceQueue<Tick> triggers) {
    try {
      triggers.complete();
    } catch (IllegalStateException alreadyClosed) {
      // the stream ended first: nothing to complete
    }
  }

  private static void closeQuietly(FileStore store) {
    try {
      store.close();
    } catch (java.io.IOException | RuntimeException ignored) {
      // the run is over: a store that fails to close holds nothing we still need
    }
  }

  @Override
  public CompletionStage<Done> completion() {
    return completion;
  }

  @Override
  public CompletionStage<Done> ready() {
    return ready;
  }

  @Override
  public void stop() {
    stopping.set(true);
    UniqueKillSwitch running = killSwitch;
    if (running != null) {
      running.shutdown();
    }
  }

  @Override
  public void trigger() {
    triggers.offer(Tick.INSTANCE);
  }
}
