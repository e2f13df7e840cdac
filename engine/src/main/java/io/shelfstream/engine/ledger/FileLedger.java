package io.shelfstream.engine.ledger;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the file sources know of every file they have read, kept in the node's database so that a
 * restart neither reads a done file again nor loses its place in a file half read: one entry per
 * integration and file name, its latest version.
 */
public interface FileLedger {

  /** The entry of {@code fileName} in {@code integrationId}'s ledger, if it has one. */
  CompletionStage<Optional<FileEntry>> find(String integrationId, String fileName);

  /**
   * Records {@code entry}, replacing the one of the same integration and file name. Completes once
   * durable: only then may the source rely on it.
   */
  CompletionStage<Void> record(FileEntry entry);
}
