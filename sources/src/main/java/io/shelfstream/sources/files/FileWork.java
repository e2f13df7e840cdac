package io.shelfstream.sources.files;

import io.shelfstream.engine.integration.SourceContext;
import io.shelfstream.engine.ledger.FileLedger;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;

/**
 * What one run of a file integration works with: its settings, its open store, the pipeline, the
 * ledger, its status, whether it is stopping, the executor of its blocking file calls, and how
 * records are decoded.
 */
record FileWork(
    FileSettings settings,
    FileStore store,
    SourceContext context,
    FileLedger ledger,
    FileStatus status,
    AtomicBoolean stopping,
    Executor files,
    RowDecoding decoding,
    Clock clock) {

  interface Blocking<T> {
    T call() throws Exception;
  }

  /** Runs a blocking file call on the file sources' dispatcher. */
  <T> CompletionStage<T> blocking(Blocking<T> call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.call();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        },
        files);
  }

  /** Moves a file, and its done-marker if the settings use one, into {@code directory}. */
  Done moveAway(StoredFile file, String directory) throws IOException {
    store.moveTo(file.name(), directory);
    if (settings.doneMarker() != null) {
      try {
        store.moveTo(file.name() + settings.doneMarker(), directory);
      } catch (NoSuchFileException gone) {
        // the marker was removed by its sender: nothing to move
      }
    }
    return Done.getInstance();
  }

  static CompletionStage<Done> done() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
