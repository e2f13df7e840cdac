package io.shelfstream.bench.snapshots;

import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.load.Progress;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few locations with a long, dense history: {@value #LOCATIONS} locations of {@value #SKUS} SKUs,
 * one event time a second per 20 events, so that every id stays within the dedupe window and a
 * location's snapshot grows to megabytes, as at a distribution centre after days.
 */
final class BusyLocations {
  static final int LOCATIONS = 4;
  static final int SKUS = 500;
  static final String PREFIX = "busy-";
  private static final int BATCH = 250;
  private static final OffsetDateTime DAY = OffsetDateTime.parse("2026-02-01T06:00:00Z");

  private BusyLocations() {}

  /** Sends {@code events} lines from 8 senders; throws unless all are acknowledged in time. */
  static void send(URI node, long events, Duration cap) throws IOException, InterruptedException {
    AtomicLong nextBatch = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    long batches = (events + BATCH - 1) / BATCH;
    long deadline = System.nanoTime() + cap.toNanos();
    try (Progress progress = Progress.counting("busy-location events", sent::get, events, cap)) {
      Posts.run(
          8,
          cap.plusMinutes(2),
          () -> {
            long batch;
            while ((batch = nextBatch.getAndIncrement()) < batches) {
              if (System.nanoTime() > deadline) {
                throw new IOException("the busy-location load was not sent within " + cap);
              }
              long first = batch * BATCH;
              long last = Math.min(events, first + BATCH);
              Posts.post(node, lines(first, last));
              sent.addAndGet(last - first);
            }
          });
    }
  }

  static String lines(long first, long last) {
    StringBuilder body = new StringBuilder((int) (last - first) * 170);
    for (long n = first; n < last; n++) {
      long entity = n % ((long) LOCATIONS * SKUS);
      String common =
          "\"eventId\":\"b-"
              + n
              + "\",\"occurredAt\":\""
              + DAY.plusSeconds(n / 20)
              + "\",\"locationId\":\""
              + PREFIX
              + entity / SKUS
              + "\",\"sku\":\""
              + entity % SKUS
              + "\"";
      switch ((int) (n / ((long) LOCATIONS * SKUS) % 20)) {
        case 0 -> body.append("{\"type\":\"count\",").append(common).append(",\"onHand\":500}");
        case 1 -> body.append("{\"type\":\"receipt\",").append(common).append(",\"qty\":12}");
        default ->
            body.append("{\"type\":\"sale\",")
                .append(common)
                .append(",\"qty\":1,\"unitPrice\":2.5}");
      }
      body.append('\n');
    }
    return body.toString();
  }
}
