package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.emit.Pacer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms a freshly started node before it is measured: its JIT compiles the ingestion path. On 2
 * cores shared with PostgreSQL and the harness, C2 has a queue of thousands of methods after start:
 * measured with -XX:+PrintCompilation, the JSON parser's hottest methods were still C1-compiled 100
 * s into a saturating load, and C2 kept a quarter of a core busy well after that. The load is the
 * world's mix of kinds (mostly sales) at locations of its own ({@value #LOCATION_PREFIX}n), about
 * as many entities as the measured world, so that none of the records the checker compares is
 * touched, and the measured run still creates and recovers each of its own entities. Bounded by a
 * time and by a count of batches.
 */
final class NodeWarmUp {
  static final String LOCATION_PREFIX = "warmup-";
  private static final int LOCATIONS = 18;
  private static final int SKUS = 500;
  private static final long MAX_BATCHES = 20_000;
  private static final OffsetDateTime WARM_UP_DAY = OffsetDateTime.parse("2026-01-01T08:00:00Z");

  private NodeWarmUp() {}

  /** The journal's persistence ids of the warm-up's entities (inventory and store), SQL LIKE. */
  static final String PERSISTENCE_ID_PATTERN = "%|" + LOCATION_PREFIX + "%";

  /**
   * Sends for {@code length}, at saturation or at the shape's rate, going on from the node's last
   * warm-up line (lines sent again would only be duplicates); returns the lines the node
   * acknowledged as durable.
   */
  static long run(NodeProcess node, HttpLoad.Shape shape, Duration length)
      throws IOException, InterruptedException {
    if (length.isZero()) {
      return 0;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + length.toNanos();
    AtomicLong nextEvent = node.warmUpEvents();
    AtomicLong batches = new AtomicLong();
    AtomicLong acknowledged = new AtomicLong();
    Pacer batchPacer = Pacer.of(shape.rate() / shape.batchLines(), false); // rate 0: no pause
    BatchSenders.run(
        shape.senders(),
        length.plusSeconds(180),
        "node warm-up",
        () -> {
          while (System.nanoTime() < deadline && batches.incrementAndGet() <= MAX_BATCHES) {
            synchronized (batchPacer) {
              batchPacer.acquire();
            }
            BatchSenders.post(client, node.uri(), batch(nextEvent, shape.batchLines()));
            acknowledged.addAndGet(shape.batchLines());
          }
        });
    return acknowledged.get();
  }

  /**
   * Lines that break one rule each, as the measured run's malformed lines do ({@code %d}: a unique
   * number). They take the node's rejection and dead-letter paths.
   */
  private static final String[] MALFORMED = {
    "{\"type\":\"sale\",\"eventId\":\"w-bad-%d\",\"occurredAt\":\"2026-01-01T08:00:00\","
        + "\"locationId\":\"warmup-0\",\"sku\":\"1\",\"qty\":1}",
    "{\"type\":\"sale\",\"eventId\":\"w-bad-%d\",\"occurredAt\":\"2026-01-01T08:",
    "{\"type\":\"transfer\",\"eventId\":\"w-bad-%d\",\"occurredAt\":\"2026-01-01T08:00:00Z\","
        + "\"locationId\":\"warmup-0\",\"sku\":\"1\",\"qty\":1}",
    "{\"type\":\"sale\",\"eventId\":\"w-bad-%d\",\"occurredAt\":\"2026-01-01T08:00:00Z\","
        + "\"locationId\":\"warmup-0\",\"sku\":\"1\",\"qty\":0}",
    "[{\"type\":\"sale\",\"eventId\":\"w-bad-%d\"}]",
    "{\"type\":\"count\",\"eventId\":\"w-bad-%d\",\"occurredAt\":\"2026-01-01T08:00:00Z\","
        + "\"locationId\":\"warmup-0\",\"sku\":\"1\",\"onHand\":-1}",
    "{\"type\":\"sale\",\"occurredAt\":\"2026-01-01T08:00:00Z\",\"locationId\":\"warmup-0\","
        + "\"sku\":\"1\",\"qty\":1,\"note\":\"no eventId %d\"}",
  };

  /** The node's next {@code count} warm-up lines, each without its newline, for a Kafka topic. */
  static List<String> lines(NodeProcess node, int count) {
    return List.of(batch(node.warmUpEvents(), count).split("\n"));
  }

  private static String batch(AtomicLong nextEvent, int lines) {
    StringBuilder body = new StringBuilder(lines * 160);
    for (int i = 0; i < lines; i++) {
      long n = nextEvent.getAndIncrement();
      // the measured run's noise too (about 1% malformed, 3% duplicates, 10% out of order), so
      // that the JIT compiles those paths and profiles the branches the measured run takes:
      // warmed on clean lines only, the node recompiled its hot path once the noise began
      if (n % 100 == 50) {
        body.append(String.format(MALFORMED[(int) (n / 100 % MALFORMED.length)], n));
      } else {
        line(body, n % 33 == 5 ? n - 1 : n);
      }
      body.append('\n');
    }
    return body.toString();
  }

  private static void line(StringBuilder body, long n) {
    long entity = n % (LOCATIONS * SKUS);
    String location = LOCATION_PREFIX + entity / SKUS;
    // the measured world's mix of kinds, so that the JIT compiles every path it takes, not
    // only the sales path
    String at = WARM_UP_DAY.plusSeconds(n / 10 - (n % 10 == 3 ? 3_600 : 0)).toString();
    String common =
        "\"eventId\":\"w-"
            + n
            + "\",\"occurredAt\":\""
            + at
            + "\",\"locationId\":\""
            + location
            + "\",\"sku\":\""
            + entity % SKUS
            + "\"";
    switch ((int) (n % 20)) {
      case 0 -> body.append("{\"type\":\"count\",").append(common).append(",\"onHand\":500}");
      case 1 -> body.append("{\"type\":\"receipt\",").append(common).append(",\"qty\":12}");
      case 2 -> body.append("{\"type\":\"return\",").append(common).append(",\"qty\":1}");
      case 3 ->
          body.append("{\"type\":\"adjustment\",")
              .append(common)
              .append(",\"qty\":-1,\"reason\":\"shrink\"}");
      case 4 ->
          body.append("{\"type\":\"store\",\"eventId\":\"w-")
              .append(n)
              .append("\",\"occurredAt\":\"")
              .append(at)
              .append("\",\"storeId\":\"")
              .append(location)
              .append("\",\"status\":\"open\"}");
      default ->
          body.append("{\"type\":\"sale\",").append(common).append(",\"qty\":1,\"unitPrice\":2.5}");
    }
  }
}
