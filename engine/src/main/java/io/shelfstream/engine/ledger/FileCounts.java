package io.shelfstream.engine.ledger;

import io.shelfstream.engine.entity.Fate;

/** What became of a file's records so far, by {@link Fate}. */
public record FileCounts(long accepted, long duplicates, long rejected, long failed) {
  public static final FileCounts NONE = new FileCounts(0, 0, 0, 0);

  public FileCounts plus(Fate fate) {
    return switch (fate) {
      case ACCEPTED -> new FileCounts(accepted + 1, duplicates, rejected, failed);
      case DUPLICATE -> new FileCounts(accepted, duplicates + 1, rejected, failed);
      case REJECTED -> new FileCounts(accepted, duplicates, rejected + 1, failed);
      case FAILED -> new FileCounts(accepted, duplicates, rejected, failed + 1);
    };
  }

  public long total() {
    return accepted + duplicates + rejected + failed;
  }
}
