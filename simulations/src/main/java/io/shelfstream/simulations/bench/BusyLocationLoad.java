package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few locations with a long, dense history: {@value #LOCATIONS} locations of {@value #SKUS} SKUs,
 * one event a second per 20 across all of them, so that every id stays within the dedupe window and
 * each record's memory fills towards its {@code max-ids}, as at a distribution centre or a busy
 * store after days. Its snapshots grow to megabytes. Sent as 8 senders of 250-line batches, bounded
 * by a count of lines and a time.
 */
final class BusyLocationLoad {
  static final int LOCATIONS = 4;
  static final int SKUS = 500;
  static final String LOCATION_PREFIX = "busy-";
  private static final int SENDERS = 8;
  private static final int BATCH = 250;
  private static final OffsetDateTime DAY = OffsetDateTime.parse("2026-02-01T06:00:00Z");

  private BusyLocationLoad() {}

  /** Sends {@code events} lines; returns the lines acknowledged, all of them or it throws. */
  static long send(URI node, long events, Duration cap) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + cap.toNanos();
    AtomicLong nextBatch = new AtomicLong();
    long batches = (events + BATCH - 1) / BATCH;
    AtomicLong acknowledged = new AtomicLong();
    BatchSenders.run(
        SENDERS,
        cap.plusSeconds(180),
        "busy-location load",
        () -> {
          long batch;
          while ((batch = nextBatch.getAndIncrement()) < batches) {
            if (System.nanoTime() > deadline) {
              throw new IOException("busy-location load not sent within " + cap);
            }
            long first = batch * BATCH;
            long last = Math.min(events, first + BATCH);
            BatchSenders.post(client, node, lines(first, last));
            acknowledged.addAndGet(last - first);
          }
        });
    return acknowledged.get();
  }

  /** A SKU that has events at every location, to read back. */
  static String anySku() {
    return "7";
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
              + LOCATION_PREFIX
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
