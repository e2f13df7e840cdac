package io.shelfstream.bench.memory;

import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.load.Progress;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One count for each of 500 SKUs at each of many locations, from 8 senders of 250-line batches. */
final class HeapLoad {
  private static final int SKUS = 500;
  private static final int BATCH = 250;
  private static final Duration CAP = Duration.ofMinutes(8);

  private HeapLoad() {}

  /** Sends every count, or as many as the time cap allows; returns the records touched. */
  static long touch(URI node, int locations) throws IOException, InterruptedException {
    long total = (long) locations * SKUS;
    AtomicInteger nextBatch = new AtomicInteger();
    AtomicLong sent = new AtomicLong();
    long deadline = System.nanoTime() + CAP.toNanos();
    try (Progress progress = Progress.counting("records touched", sent::get, total, CAP)) {
      Posts.run(
          8,
          CAP.plusMinutes(2),
          () -> {
            long batch;
            while ((batch = nextBatch.getAndIncrement()) * BATCH < total
                && System.nanoTime() < deadline) {
              long first = batch * BATCH;
              long last = Math.min(total, first + BATCH);
              Posts.post(node, lines(first, last));
              sent.addAndGet(last - first);
            }
          });
    }
    return sent.get();
  }

  static String lines(long first, long last) {
    StringBuilder body = new StringBuilder();
    for (long record = first; record < last; record++) {
      body.append(
          String.format(
              "{\"type\":\"count\",\"eventId\":\"heap-%d\",\"source\":\"pos\",\"occurredAt\":\"2026-03-02T07:00:00+01:00\","
                  + "\"locationId\":\"H%04d\",\"sku\":\"SKU-%03d\",\"onHand\":%d}%n",
              record, record / SKUS + 1, record % SKUS + 1, record % 17));
    }
    return body.toString();
  }
}
