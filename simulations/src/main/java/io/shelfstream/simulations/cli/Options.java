package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.noise.MalformedKind;
import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.world.WorldSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A validated command line.
 *
 * @param target the node's base URI; null when writing to a file
 * @param events stop after this many world events (null: run {@code world.days()} days)
 * @param settleTimeout how long mismatching records are re-checked before they count
 * @param prepare generate every line before the clock starts, and feed ground truth after it, so
 *     that sending runs at the node's pace rather than the generator's
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
    boolean json,
    boolean prepare) {

  public boolean sendsToNode() {
    return out == null;
  }

  public boolean viaKafka() {
    return kafkaBootstrap != null;
  }

  /**
   * The malformed kinds this run sends: over Kafka a line without eventId is valid (the node gives
   * it the record's position as id), so it is not sent as malformed there.
   */
  public Set<MalformedKind> malformedKinds() {
    return viaKafka() ? MalformedKind.withIdsFromTransport() : MalformedKind.all();
  }
}
