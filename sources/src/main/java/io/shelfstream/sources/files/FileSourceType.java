package io.shelfstream.sources.files;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.SourceType;
import io.shelfstream.engine.ledger.FileLedger;
import java.time.Clock;
import java.util.List;

/**
 * A file source type ({@code directory}, {@code sftp}): the same polling file pipeline over any
 * {@link FileStoreKind}, its files' effect recorded in the {@link FileLedger}.
 */
public final class FileSourceType implements SourceType {
  private final FileStoreKind kind;
  private final FileLedger ledger;
  private final Clock clock;

  public FileSourceType(FileStoreKind kind, FileLedger ledger, Clock clock) {
    this.kind = kind;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public String name() {
    return kind.typeName();
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    return FileSettings.errors(spec, kind);
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    return new FileIntegrationSource(kind, FileSettings.of(spec, kind), ledger, clock);
  }
}
