package io.shelfstream.sources.files.sftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.sources.files.FileStoreKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The {@code sftp} file source: files in a directory of an SFTP server (see {@link SftpSettings}).
 * Retailers' servers are polled every 15 minutes unless the integration says otherwise.
 */
public final class SftpStoreKind implements FileStoreKind {
  public static final String TYPE = "sftp";

  private final UnaryOperator<String> environment;

  public SftpStoreKind() {
    this(System::getenv);
  }

  /** With {@code environment} in place of the process's variables (for password-env, in tests). */
  public SftpStoreKind(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public List<ConfigError> validate(ObjectNode settings) {
    return SftpSettings.errors(settings);
  }

  @Override
  public SftpFileStore open(ObjectNode settings) throws IOException {
    List<ConfigError> errors = SftpSettings.errors(settings);
    if (!errors.isEmpty()) {
      throw new IOException(
          "invalid sftp settings: "
              + errors.stream()
                  .map(error -> error.field() + " " + error.error())
                  .collect(Collectors.joining("; ")));
    }
    return SftpLogin.open(SftpSettings.of(settings), environment);
  }

  @Override
  public Duration defaultPollInterval() {
    return Duration.ofMinutes(15);
  }

  /**
   * Read files stay on the server unless {@code processed-dir} names an archive sub-directory: the
   * retailer's server is theirs, and the ledger keeps a file from being read twice.
   */
  @Override
  public String defaultProcessedDirectory() {
    return null;
  }

  @Override
  public Set<String> settingNames() {
    return SftpSettings.FIELDS;
  }
}
