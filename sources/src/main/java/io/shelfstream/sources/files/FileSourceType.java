package io.shelfstream.sources.files;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.SourceType;
import io.shelfstream.engine.ledger.FileLedger;
import io.shelfstream.protocols.mapping.MappingOptions;
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
  private final MappingOptions mappingOptions;

  /** A node without a pii key: mappings that hash are refused. */
  public FileSourceType(FileStoreKind kind, FileLedger ledger, Clock clock) {
    this(kind, ledger, clock, MappingOptions.NONE);
  }

  /** {@code mappingOptions}: what mappings are compiled with (the node's pii key). */
  public FileSourceType(
      FileStoreKind kind, FileLedger ledger, Clock clock, MappingOptions mappingOptions) {
    this.kind = kind;
    this.ledger = ledger;
    this.clock = clock;
    this.mappingOptions = mappingOptions;
  }

  @Override
  public String name() {
    return kind.typeName();
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    return FileSettings.errors(spec, kind, mappingOptions);
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    return new FileIntegrationSource(
        kind, FileSettings.of(spec, kind, mappingOptions), ledger, clock);
  }
}
