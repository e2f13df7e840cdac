package io.shelfstream.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
  private final long startNanos = System.nanoTime();
  private final Map<String, Long> startTicks;
  private final Map<Long, Long> startPostgres = postgresTicks();

  private ProcessCpu(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    this.pids.put(BENCH, ProcessHandle.current().pid());
    this.startTicks = ticks();
  }

  /** Starts measuring the named processes (by pid) besides postgres, the bench and the machine. */
  public static ProcessCpu start(Map<String, Long> namedPids) {
    return new ProcessCpu(namedPids);
  }

  /** CPU seconds each part used between start and stop, and the wall time in between. */
  public record Use(Map<String, Double> cpuSeconds, double wallSeconds) {
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
      cpuSeconds.forEach((part, seconds) -> busy.put(part, seconds / wallSeconds));
      busy.remove(MACHINE);
      busy.put("other", otherCores());
      return busy;
    }

    public double otherCores() {
      return Math.max(0, (cpuSeconds.get(MACHINE) - measuredCpuSeconds()) / wallSeconds);
    }
  }

  public Use stop() {
    Map<String, Long> end = ticks();
    Map<Long, Long> endPostgres = postgresTicks();
    // a backend that started meanwhile counts from zero; one that exited meanwhile is lost
    long postgres = 0;
    for (var process : endPostgres.entrySet()) {
      postgres +=
          Math.max(0, process.getValue() - startPostgres.getOrDefault(process.getKey(), 0L));
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (var part : end.entrySet()) {
      if (part.getKey().equals(BENCH)) {
        seconds.put(POSTGRES, postgres / TICKS_PER_SECOND);
      }
      seconds.put(
          part.getKey(), (part.getValue() - startTicks.get(part.getKey())) / TICKS_PER_SECOND);
    }
    return new Use(seconds, Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9));
  }

  /** The named processes' ticks, then the whole machine's busy ones. */
  private Map<String, Long> ticks() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
    ticks.put(MACHINE, machineBusyTicks());
    return ticks;
  }

  private static long machineBusyTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait are busy
      long busy = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
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
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
          .filter(line -> line.startsWith(field))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
          .findFirst()
          .orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0; // gone
    }
  }

  private static Map<Long, Long> postgresTicks() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(ProcessCpu::isPostgres)
          .map(path -> Long.parseLong(path.getFileName().toString()))
          .collect(
              Collectors.toMap(pid -> pid, ProcessCpu::processTicks, (a, b) -> a, HashMap::new));
    } catch (IOException e) {
      return Map.of(); // no /proc: nothing to count
    }
  }

  private static boolean isPostgres(Path process) {
    try {
      return Files.readString(process.resolve("comm")).trim().equals(POSTGRES);
    } catch (IOException e) {
      return false;
    }
  }
}
