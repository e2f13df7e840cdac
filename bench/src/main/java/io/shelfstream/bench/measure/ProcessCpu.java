package io.shelfstream.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measurement: the one place the bench reads /proc. Named
 * processes (a node, a broker, a Kafka Connect worker), every postgres process, the bench itself,
 * and the whole machine; what is left is other work on this shared machine.
 */
public final class ProcessCpu {
  public static final String POSTGRES = "postgres";
  public static final String BENCH = "bench";
  public static final String MACHINE = "machine";

  /** USER_HZ: /proc counts CPU time in 1/100 s on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private final Map<String, Long> pids;
  private final Sample start;

  private ProcessCpu(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    this.start = sample();
  }

  /** Starts measuring the named processes (by pid) besides postgres, the bench and the machine. */
  public static ProcessCpu start(Map<String, Long> namedPids) {
    return new ProcessCpu(namedPids);
  }

  /** CPU seconds each part used between start and stop, and the wall time in between. */
  public record Use(Map<String, Double> cpuSeconds, double wallSeconds, int cores) {
    public double cores(String part) {
      return cpuSeconds.getOrDefault(part, 0.0) / wallSeconds;
    }

    /** Everything measured but the machine and other people's work. */
    public double measuredCpuSeconds() {
      return cpuSeconds.entrySet().stream()
          .filter(part -> !part.getKey().equals(MACHINE))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }

    /** Cores each part kept busy: the named processes, postgres, the bench, all other work. */
    public Map<String, Double> busyCores() {
      Map<String, Double> busy = new LinkedHashMap<>();
      cpuSeconds.forEach(
          (part, seconds) -> {
            if (!part.equals(MACHINE)) {
              busy.put(part, seconds / wallSeconds);
            }
          });
      busy.put("other", otherCores());
      return busy;
    }

    public double otherCores() {
      return Math.max(0, cores(MACHINE) - measuredCpuSeconds() / wallSeconds);
    }
  }

  public Use stop() {
    Sample end = sample();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String name : pids.keySet()) {
      seconds.put(name, (end.named.get(name) - start.named.get(name)) / TICKS_PER_SECOND);
    }
    seconds.put(POSTGRES, postgresSince(start.postgres, end.postgres) / TICKS_PER_SECOND);
    seconds.put(BENCH, (end.bench - start.bench) / TICKS_PER_SECOND);
    seconds.put(MACHINE, (end.machine - start.machine) / TICKS_PER_SECOND);
    return new Use(
        seconds,
        Math.max(1e-9, (end.nanos - start.nanos) / 1e9),
        Runtime.getRuntime().availableProcessors());
  }

  private record Sample(
      long nanos, Map<String, Long> named, Map<Long, Long> postgres, long bench, long machine) {}

  /**
   * What postgres processes used in between: a backend that started meanwhile counts from zero; one
   * that exited meanwhile is lost (its time cannot be read any more), never negative.
   */
  private static long postgresSince(Map<Long, Long> start, Map<Long, Long> end) {
    long ticks = 0;
    for (Map.Entry<Long, Long> process : end.entrySet()) {
      ticks += Math.max(0, process.getValue() - start.getOrDefault(process.getKey(), 0L));
    }
    return ticks;
  }

  private Sample sample() {
    Map<String, Long> named = new HashMap<>();
    pids.forEach((name, pid) -> named.put(name, processTicks(pid)));
    return new Sample(
        System.nanoTime(),
        named,
        postgresTicks(),
        processTicks(ProcessHandle.current().pid()),
        machineBusyTicks());
  }

  private static long machineBusyTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait are busy
      long busy = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime + stime of a process and its threads; 0 once it is gone. */
  public static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ", utime and stime are the 12th and 13th fields
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Resident set size of a process in bytes, from /proc/pid/status; 0 once it is gone. */
  public static long residentBytes(long pid) {
    return statusBytes(pid, "VmRSS:");
  }

  /** The highest resident set size the process has had (its high-water mark), in bytes. */
  public static long peakResidentBytes(long pid) {
    return statusBytes(pid, "VmHWM:");
  }

  private static long statusBytes(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  private static Map<Long, Long> postgresTicks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(ProcessCpu::isPostgres)
          .forEach(
              path -> {
                long pid = Long.parseLong(path.getFileName().toString());
                ticks.put(pid, processTicks(pid));
              });
    } catch (IOException e) {
      // no /proc: nothing to count
    }
    return ticks;
  }

  private static boolean isPostgres(Path process) {
    try {
      return Files.readString(process.resolve("comm")).trim().equals(POSTGRES);
    } catch (IOException e) {
      return false;
    }
  }
}
