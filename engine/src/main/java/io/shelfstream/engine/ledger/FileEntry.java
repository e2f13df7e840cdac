package io.shelfstream.engine.ledger;

import java.time.Instant;

/**
 * One file version in the ledger and how far its reading went. {@code line} and {@code offset} are
 * the last line whose records are all durable and the byte just after it (0 and 0: none yet);
 * {@code sha256} is known once the whole file has been read (null before).
 */
public record FileEntry(
    String integrationId,
    String fileName,
    long size,
    Instant modified,
    FileState state,
    String sha256,
    long line,
    long offset,
    FileCounts counts,
    Instant updatedAt) {

  /** Whether this entry is about the same bytes as a file listed with this size and time. */
  public boolean sameVersion(long otherSize, Instant otherModified) {
    return size == otherSize && modified.equals(otherModified);
  }
}
