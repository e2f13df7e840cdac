package io.shelfstream.bench.memory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An NDJSON body generated on the fly, never held whole: {@code workingSet} distinct sale events
 * (new to the node, so persisted), then the same events again and again (duplicates, answered by
 * dedupe), until {@code maxBytes} or a deadline. Each line is padded to {@code lineBytes} with a
 * field the wire format ignores, so that gigabytes pass at the rate the node dedupes lines.
 */
final class RepeatingBody extends InputStream {

  private static final int LOCATIONS = 200;
  private static final int SKUS = 10;

  private final int workingSet;
  private final int lineBytes;
  private final long maxBytes;
  private final long deadlineNanos;
  private final byte[] padding;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong lines = new AtomicLong();
  private byte[] line = new byte[0];
  private int position;
  private volatile boolean stoppedByTime;

  RepeatingBody(int workingSet, int lineBytes, long maxBytes, long deadlineNanos) {
    this.workingSet = workingSet;
    this.lineBytes = lineBytes;
    this.maxBytes = maxBytes;
    this.deadlineNanos = deadlineNanos;
    this.padding = new byte[lineBytes];
    Arrays.fill(padding, (byte) 'x');
  }

  long bytesSent() {
    return sent.get();
  }

  long linesSent() {
    return lines.get();
  }

  boolean stoppedByTime() {
    return stoppedByTime;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position == line.length && !nextLine()) {
      return -1;
    }
    int count = Math.min(length, line.length - position);
    System.arraycopy(line, position, buffer, offset, count);
    position += count;
    sent.addAndGet(count);
    return count;
  }

  /** Only whole lines: the body ends between two lines. */
  private boolean nextLine() {
    if (sent.get() + lineBytes > maxBytes) {
      return false;
    }
    if (System.nanoTime() >= deadlineNanos) {
      stoppedByTime = true;
      return false;
    }
    line = line(lines.getAndIncrement() % workingSet);
    position = 0;
    return true;
  }

  private byte[] line(long event) {
    long entity = event % (LOCATIONS * SKUS);
    String head =
        String.format(
            "{\"type\":\"sale\",\"eventId\":\"rss-%d\",\"occurredAt\":\"2026-03-01T09:00:00+01:00\","
                + "\"locationId\":\"R%03d\",\"sku\":\"SKU-%02d\",\"qty\":1,\"note\":\"",
            event, entity / SKUS, entity % SKUS);
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[lineBytes];
    System.arraycopy(start, 0, bytes, 0, start.length);
    int end = lineBytes - 3;
    System.arraycopy(padding, 0, bytes, start.length, end - start.length);
    bytes[end] = '"';
    bytes[end + 1] = '}';
    bytes[end + 2] = '\n';
    return bytes;
  }
}
