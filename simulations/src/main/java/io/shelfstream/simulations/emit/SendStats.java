package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.ValidLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What was sent and what the node answered, shared by the generator thread and the emitters'
 * threads. Anomalies are lines whose acknowledgement contradicts what the simulator knows about
 * them: a valid line rejected, a malformed line accepted, a line never acknowledged.
 */
public final class SendStats {

  private static final int KEPT_ANOMALIES = 20;

  private final LongAdder sent = new LongAdder();
  private final LongAdder malformedSent = new LongAdder();
  private final LongAdder resent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder validRejected = new LongAdder();
  private final LongAdder malformedNotRejected = new LongAdder();
  private final LongAdder unacknowledged = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final Histogram ackLatencyMicros = new ConcurrentHistogram(3);
  private final List<String> anomalies = new ArrayList<>();
  private final AtomicReference<String> failure = new AtomicReference<>();

  public void sent(boolean malformed, boolean resend) {
    sent.increment();
    if (malformed) {
      malformedSent.increment();
    }
    if (resend) {
      resent.increment();
    }
  }

  public void acknowledged(long acceptedLines, long duplicateLines, long rejectedLines) {
    accepted.add(acceptedLines);
    duplicates.add(duplicateLines);
    rejected.add(rejectedLines);
  }

  public void latency(long nanos, long lines) {
    if (lines > 0) {
      ackLatencyMicros.recordValueWithCount(Math.max(0, nanos / 1_000), lines);
    }
  }

  public void validRejected(long lines, String detail) {
    validRejected.add(lines);
    anomaly(detail);
  }

  public void malformedNotRejected(long lines, String detail) {
    malformedNotRejected.add(lines);
    anomaly(detail);
  }

  /** Checks one line's acknowledgement against what the simulator knows about the line. */
  void expect(Emission line, String status, String error, String where) {
    boolean rejected = "rejected".equals(status);
    if (line instanceof ValidLine valid && rejected) {
      validRejected(1, where + ": valid line " + valid.event().eventId() + " rejected: " + error);
    } else if (line instanceof MalformedLine malformed && !rejected) {
      malformedNotRejected(
          1, where + ": malformed line (" + malformed.kind() + ") acknowledged as " + status);
    }
  }

  public void unacknowledged(long lines, String detail) {
    unacknowledged.add(lines);
    anomaly(detail);
  }

  /**
   * Lines sent again because the node said they were not made durable (HTTP 503, status failed).
   */
  public void retried(long lines) {
    retried.add(lines);
  }

  public long retried() {
    return retried.sum();
  }

  /** Something the node's answer does not explain, without a line to blame. */
  public synchronized void anomaly(String detail) {
    if (anomalies.size() < KEPT_ANOMALIES) {
      anomalies.add(detail);
    }
  }

  /** The JDK's connection errors often carry no message: name the first cause that has one. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        return text.append(": ").append(cause.getMessage()).toString();
      }
    }
    return text.append(" (no detail; is the node running?)").toString();
  }

  /** Stops the run: the first failure wins and is reported. */
  public void fail(String reason) {
    failure.compareAndSet(null, reason);
  }

  public String failure() {
    return failure.get();
  }

  public long sent() {
    return sent.sum();
  }

  public long malformedSent() {
    return malformedSent.sum();
  }

  public long resent() {
    return resent.sum();
  }

  public long accepted() {
    return accepted.sum();
  }

  public long duplicates() {
    return duplicates.sum();
  }

  public long rejected() {
    return rejected.sum();
  }

  public long validRejected() {
    return validRejected.sum();
  }

  public long malformedNotRejected() {
    return malformedNotRejected.sum();
  }

  public long unacknowledged() {
    return unacknowledged.sum();
  }

  /**
   * Every way the acknowledgements contradict what was sent: every malformed line must be rejected,
   * no valid line may be, and every line must be answered. Duplicate counts are not checked: the
   * node may have forgotten an old id, as docs/golden-record.md allows.
   */
  public List<String> contradictions() {
    List<String> found = new ArrayList<>();
    long counted = accepted() + duplicates() + rejected();
    if (counted != sent()) {
      found.add("the node acknowledged " + counted + " lines of " + sent() + " sent");
    }
    if (rejected() != malformedSent()) {
      found.add(
          "the node rejected "
              + rejected()
              + " lines, but "
              + malformedSent()
              + " malformed lines were sent");
    }
    if (validRejected() > 0) {
      found.add(validRejected() + " valid lines were rejected");
    }
    if (malformedNotRejected() > 0) {
      found.add(malformedNotRejected() + " malformed lines were not rejected");
    }
    if (unacknowledged() > 0) {
      found.add(unacknowledged() + " lines were never acknowledged");
    }
    return found;
  }

  public Histogram latencySnapshot() {
    return ackLatencyMicros.copy();
  }

  public synchronized List<String> anomalies() {
    return List.copyOf(anomalies);
  }
}
