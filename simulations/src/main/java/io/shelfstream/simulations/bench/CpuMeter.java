package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measurement, from /proc: the node, PostgreSQL (every
 * postgres process, including other users'), the harness itself (generating and sending), and the
 * whole machine; what is left is other work on this shared machine.
 */
final class CpuMeter {

  /** USER_HZ: /proc counts CPU time in 1/100 s on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private final long nodePid;
  private final Sample start;

  private CpuMeter(long nodePid) {
    this.nodePid = nodePid;
    this.start = sample();
  }

  /** Starts measuring; {@code nodePid} may be -1 when no node is involved. */
  static CpuMeter start(long nodePid) {
    return new CpuMeter(nodePid);
  }

  /** Cores used on average since the start. */
  record Use(double node, double postgres, double harness, double machine, int cores) {
    double other() {
      return Math.max(0, machine - node - postgres - harness);
    }

    String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "node %.2f, postgres %.2f, harness %.2f, other processes %.2f of %d cores",
          node,
          postgres,
          harness,
          other(),
          cores);
    }
  }

  Use stop() {
    Sample end = sample();
    double seconds = Math.max(1e-9, (end.nanos - start.nanos) / 1e9);
    return new Use(
        cores(end.node - start.node, seconds),
        cores(postgresSince(start.postgres, end.postgres), seconds),
        cores(end.harness - start.harness, seconds),
        cores(end.machine - start.machine, seconds),
        Runtime.getRuntime().availableProcessors());
  }

  private static double cores(long ticks, double seconds) {
    return ticks / TICKS_PER_SECOND / seconds;
  }

  /** CPU ticks per postgres process, by pid. */
  private record Sample(
      long nanos, long node, Map<Long, Long> postgres, long harness, long machine) {}

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
    return new Sample(
        System.nanoTime(),
        nodePid > 0 ? processTicks(nodePid) : 0,
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

  /** utime + stime of a process (and its threads); 0 once it is gone. */
  static long processTicks(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime + stime of a process's or a thread's {@code stat} line. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ", utime and stime are the 12th and 13th fields
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static Map<Long, Long> postgresTicks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(CpuMeter::isPostgres)
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
      return Files.readString(process.resolve("comm")).trim().equals("postgres");
    } catch (IOException e) {
      return false;
    }
  }
}
