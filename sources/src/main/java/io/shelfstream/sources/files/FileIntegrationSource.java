package io.shelfstream.sources.files;

import io.shelfstream.engine.integration.ConnectionCheck;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.RunningSource;
import io.shelfstream.engine.integration.SourceContext;
import io.shelfstream.engine.ledger.FileLedger;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * A file integration of any kind (directory, sftp): see {@link FileSettings} and {@link FileJob}.
 */
final class FileIntegrationSource implements IntegrationSource {
  private final FileStoreKind kind;
  private final FileSettings settings;
  private final FileLedger ledger;
  private final FileStatus status;
  private final Clock clock;

  FileIntegrationSource(FileStoreKind kind, FileSettings settings, FileLedger ledger, Clock clock) {
    this.kind = kind;
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
    this.status = new FileStatus(kind.typeName());
  }

  @Override
  public RunningSource start(SourceContext context) {
    return new FileRun(kind, settings, ledger, status, context, files(context), clock);
  }

  /** Opens the store and lists its directory, then closes it. */
  @Override
  public CompletionStage<ConnectionCheck> test(SourceContext context) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (FileStore store = kind.open(settings.store())) {
            int files = store.list().size();
            return new ConnectionCheck(
                true, store.describe() + " is readable: " + files + " file(s) in it");
          } catch (Exception e) {
            return new ConnectionCheck(
                false, e.getMessage() == null ? e.toString() : e.getMessage());
          }
        },
        files(context));
  }

  @Override
  public boolean polls() {
    return true;
  }

  @Override
  public CompletionStage<Map<String, Object>> details() {
    return CompletableFuture.completedFuture(status.details());
  }

  private static Executor files(SourceContext context) {
    return context
        .system()
        .dispatchers()
        .lookup(DispatcherSelector.fromConfig(FileBytes.DISPATCHER));
  }
}
