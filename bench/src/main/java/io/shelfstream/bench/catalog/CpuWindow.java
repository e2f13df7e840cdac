package io.shelfstream.bench.catalog;

import io.shelfstream.bench.measure.ProcessCpu;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a drain and the CPU each process spent on it, twice: from the start (the integration
 * created, the Connect worker launched, the first request sent) and from the first event seen
 * written, which leaves out the peer's JVM start and the node's consumer joining its group.
 */
final class CpuWindow {
  private final Map<String, Long> pids;
  private final ProcessCpu fromStart;
  private final long startNanos = System.nanoTime();
  private ProcessCpu fromFirst;
  private long firstNanos;
  private long doneAtFirst;

  private CpuWindow(Map<String, Long> pids) {
    this.pids = pids;
    this.fromStart = ProcessCpu.start(pids);
  }

  static CpuWindow start(Map<String, Long> pids) {
    return new CpuWindow(new LinkedHashMap<>(pids));
  }

  /** The first time the target shows written events, with how many it shows. */
  void firstSeen(long done) {
    if (fromFirst == null && done > 0) {
      fromFirst = ProcessCpu.start(pids);
      firstNanos = System.nanoTime();
      doneAtFirst = done;
    }
  }

  /** Both measurements, of {@code events} events in all. */
  Drain stop(long events) {
    ProcessCpu.Use whole = fromStart.stop();
    if (fromFirst == null) {
      return new Drain(Share.of(whole, events), Share.of(whole, events));
    }
    ProcessCpu.Use sinceFirst = fromFirst.stop();
    return new Drain(Share.of(whole, events), Share.of(sinceFirst, events - doneAtFirst));
  }

  /** A drain measured from the start and from the first event written. */
  record Drain(Share fromStart, Share fromFirst) {}

  /**
   * One measurement: events, seconds, events/s, and CPU µs per event of each process, of all
   * measured ones together ("total") and of other work on the machine ("other").
   */
  record Share(long events, double seconds, Map<String, Double> microsPerEvent) {
    static Share of(ProcessCpu.Use use, long events) {
      Map<String, Double> micros = new LinkedHashMap<>();
      use.cpuSeconds()
          .forEach(
              (part, seconds) -> {
                if (!part.equals(ProcessCpu.MACHINE)) {
                  micros.put(part, perEvent(seconds, events));
                }
              });
      micros.put("total", perEvent(use.measuredCpuSeconds(), events));
      micros.put("other", perEvent(use.otherCores() * use.wallSeconds(), events));
      return new Share(events, use.wallSeconds(), micros);
    }

    private static double perEvent(double seconds, long events) {
      return events <= 0 ? 0 : seconds * 1e6 / events;
    }

    double eventsPerSecond() {
      return events / seconds;
    }
  }
}
