package io.shelfstream.bench.catalog;

import io.shelfstream.bench.measure.ProcessCpu;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times a drain and the CPU each process spent on it, twice: from the start (the integration
 * created, the Connect worker launched, the first request sent) and from the first event seen
 * written, which leaves out the peer's JVM start and the node's consumer joining its group.
 */
final class Drain {
  private final Map<String, Long> pids;
  private final ProcessCpu fromStart;
  private ProcessCpu fromFirst;
  private long doneAtFirst;

  Drain(Map<String, Long> pids) {
    this.pids = pids;
    this.fromStart = ProcessCpu.start(pids);
  }

  /** How many events the target shows written; the first time above 0 starts the second window. */
  void seen(long done) {
    if (fromFirst == null && done > 0) {
      fromFirst = ProcessCpu.start(pids);
      doneAtFirst = done;
    }
  }

  /** Both windows, of {@code events} events in all. */
  Measured stop(long events) {
    Share whole = Share.of(fromStart.stop(), events);
    return new Measured(
        whole, fromFirst == null ? whole : Share.of(fromFirst.stop(), events - doneAtFirst));
  }

  record Measured(Share fromStart, Share fromFirst) {}

  /** Events/s, and CPU µs per event of each process, of all of them ("total"), of other work. */
  record Share(double eventsPerSecond, double seconds, Map<String, Double> microsPerEvent) {
    static Share of(ProcessCpu.Use use, long events) {
      double perEvent = events <= 0 ? 0 : 1e6 / events;
      Map<String, Double> micros = new LinkedHashMap<>();
      use.cpuSeconds().forEach((part, cpu) -> micros.put(part, cpu * perEvent));
      micros.remove(ProcessCpu.MACHINE);
      micros.put("total", use.measuredCpuSeconds() * perEvent);
      micros.put("other", use.otherCores() * use.wallSeconds() * perEvent);
      return new Share(events / use.wallSeconds(), use.wallSeconds(), micros);
    }
  }
}
