package io.shelfstream.engine.ingest;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code shelfstream.ingest}: records are handed to the entities in batches of up to {@code
 * batchSize}, or what arrived within {@code batchWindow}, with {@code parallelism} batches in
 * flight per stream. These bound the memory a stream holds whatever its input rate.
 */
public record IngestSettings(int batchSize, Duration batchWindow, int parallelism) {

  public IngestSettings {
    if (batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "shelfstream.ingest batch-size and parallelism must be >= 1");
    }
  }

  public static IngestSettings fromConfig(Config root) {
    Config config = root.getConfig("shelfstream.ingest");
    return new IngestSettings(
        config.getInt("batch-size"),
        config.getDuration("batch-window"),
        config.getInt("parallelism"));
  }
}
