package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of a node, summed up with the JDK's {@link RecordingFile} over the window the
 * load ran: CPU samples by method (self: the top frame; total: anywhere in the stack) and by
 * package group, GC pauses, the allocation rate and the CPU the JVM used.
 */
record JfrSummary(
    double windowSeconds,
    long samples,
    List<Count> topSelf,
    List<Count> topTotal,
    List<Count> topOurs,
    Map<String, Long> groupSelf,
    Map<String, Long> groupTotal,
    long gcCount,
    double gcPauseMillis,
    double longestGcPauseMillis,
    double allocatedBytesPerSecond,
    double jvmCpuCores,
    double machineCpuCores) {

  static final int TOP = 15;

  record Count(String name, long samples) {}

  static JfrSummary of(Path recording, Instant from, Instant to) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> groupSelf = new HashMap<>();
    Map<String, Long> groupTotal = new HashMap<>();
    long samples = 0;
    long gcCount = 0;
    double gcPause = 0;
    double longestPause = 0;
    long allocated = 0;
    double jvmCpu = 0;
    double machineCpu = 0;
    int cpuReadings = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        Instant at = event.getStartTime();
        if (at.isBefore(from) || at.isAfter(to)) {
          continue;
        }
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String top = method(frames.get(0));
            self.merge(top, 1L, Long::sum);
            groupSelf.merge(
                PackageGroup.of(frames.get(0).getMethod().getType().getName()), 1L, Long::sum);
            Set<String> methods = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (RecordedFrame frame : frames) {
              methods.add(method(frame));
              groups.add(PackageGroup.of(frame.getMethod().getType().getName()));
            }
            methods.stream()
                .filter(method -> !Plumbing.is(method))
                .forEach(method -> total.merge(method, 1L, Long::sum));
            groups.forEach(group -> groupTotal.merge(group, 1L, Long::sum));
          }
          case "jdk.GarbageCollection" -> {
            gcCount++;
            gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
            longestPause =
                Math.max(longestPause, event.getDuration("longestPause").toNanos() / 1e6);
          }
          case "jdk.ObjectAllocationSample" -> allocated += event.getLong("weight");
          case "jdk.CPULoad" -> {
            jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
            machineCpu += event.getFloat("machineTotal");
            cpuReadings++;
          }
          default -> {}
        }
      }
    }
    double seconds = Math.max(1e-9, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    int cores = Runtime.getRuntime().availableProcessors();
    return new JfrSummary(
        seconds,
        samples,
        top(self),
        top(total),
        top(ours(total)),
        sorted(groupSelf),
        sorted(groupTotal),
        gcCount,
        gcPause,
        longestPause,
        allocated / seconds,
        cpuReadings == 0 ? Double.NaN : jvmCpu / cpuReadings * cores,
        cpuReadings == 0 ? Double.NaN : machineCpu / cpuReadings * cores);
  }

  /** Class.method, with lambda and hidden-class suffixes cut so that they add up. */
  private static String method(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    int lambda = type.indexOf("$$Lambda");
    if (lambda > 0) {
      type = type.substring(0, lambda) + "$$Lambda";
    }
    return type + "." + frame.getMethod().getName();
  }

  /** Our own methods' total samples: which parts of Shelfstream the time is spent under. */
  private static Map<String, Long> ours(Map<String, Long> total) {
    Map<String, Long> ours = new HashMap<>();
    total.forEach(
        (method, samples) -> {
          if (method.startsWith("io.shelfstream.")) {
            ours.put(method, samples);
          }
        });
    return ours;
  }

  private static List<Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .map(entry -> new Count(entry.getKey(), entry.getValue()))
        .toList();
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }
}
