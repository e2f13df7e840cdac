package io.shelfstream.sources.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What tells one file source type from another ({@code directory}, {@code sftp}): the settings that
 * say where the files are and how to reach them, and how to open that place. Everything else (file
 * patterns, layouts and mappings, polling, the ledger, reports) is common to every kind.
 */
public interface FileStoreKind {
  /** The integration {@code type} this kind is selected by. */
  String typeName();

  /**
   * Every problem with the settings this kind reads (where, how to connect, credentials), each
   * naming its field; empty when valid. No I/O: management calls answer at once.
   */
  List<ConfigError> validate(ObjectNode settings);

  /**
   * The keys {@link #validate} reads: the file source reports every other key it does not know as
   * not a setting.
   */
  Set<String> settingNames();

  /**
   * Opens the store: blocking (it may connect, log in and verify a host key), so it runs on the
   * file sources' dispatcher. Throws an {@link IOException} whose message tells the user what to
   * fix.
   */
  FileStore open(ObjectNode settings) throws IOException;

  /** How often the store is polled when the settings name no {@code poll-interval}. */
  Duration defaultPollInterval();

  /**
   * The sub-directory processed files move to when the settings name none; null leaves them where
   * they are (the ledger then keeps them from being read twice).
   */
  String defaultProcessedDirectory();
}
