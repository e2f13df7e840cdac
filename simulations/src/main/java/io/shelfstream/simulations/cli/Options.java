package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.world.WorldSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A validated command line.
 *
 * @param target the node's base URI; null when writing to a file
 * @param events stop after this many world events (null: run {@code world.days()} days)
 * @param settleTimeout how long mismatching records are re-checked before they count
 */
public record Options(
    WorldSpec world,
    Long events,
    NoiseSpec noise,
    boolean burst,
    URI target,
    Mode mode,
    int tills,
    int batch,
    double rate,
    String kafkaBootstrap,
    String kafkaTopic,
    Path out,
    Path truthFile,
    Path policiesFile,
    Duration settleTimeout,
    boolean json) {

  public boolean sendsToNode() {
    return out == null;
  }

  public boolean viaKafka() {
    return kafkaBootstrap != null;
  }
}
