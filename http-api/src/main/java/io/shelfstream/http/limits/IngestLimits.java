package io.shelfstream.http.limits;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How much of a node ingestion requests may hold ({@code shelfstream.ingest}): concurrent requests
 * per client address and in all, and how long a request body may go without a byte. A streaming
 * till holds one request all day, so these bound what slow or stalled clients can take; the
 * connections above {@code maxStreams} stay for health checks, reads and management.
 */
public record IngestLimits(int maxStreamsPerClient, int maxStreams, Duration bodyStallTimeout) {

  public IngestLimits {
    if (maxStreamsPerClient < 1) {
      throw new IllegalArgumentException(
          "shelfstream.ingest.max-streams-per-client must be at least 1, got "
              + maxStreamsPerClient);
    }
    if (maxStreams < maxStreamsPerClient) {
      throw new IllegalArgumentException(
          "shelfstream.ingest.max-streams ("
              + maxStreams
              + ") must be at least max-streams-per-client ("
              + maxStreamsPerClient
              + ")");
    }
    if (bodyStallTimeout.isNegative() || bodyStallTimeout.isZero()) {
      throw new IllegalArgumentException(
          "shelfstream.ingest.body-stall-timeout must be above 0, got " + bodyStallTimeout);
    }
  }

  /** Fails on limits that would let ingestion take every connection of the HTTP server. */
  public static IngestLimits fromConfig(Config root) {
    Config ingest = root.getConfig("shelfstream.ingest");
    var limits =
        new IngestLimits(
            ingest.getInt("max-streams-per-client"),
            ingest.getInt("max-streams"),
            ingest.getDuration("body-stall-timeout"));
    int maxConnections = root.getInt("pekko.http.server.max-connections");
    if (limits.maxStreams() >= maxConnections) {
      throw new IllegalArgumentException(
          "shelfstream.ingest.max-streams ("
              + limits.maxStreams()
              + ") must be below pekko.http.server.max-connections ("
              + maxConnections
              + "), so that ingestion never takes every connection from health checks, reads"
              + " and management");
    }
    return limits;
  }
}
