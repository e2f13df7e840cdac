package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How busy a JVM's JIT compilers are, from /proc: the CPU time of its threads named by HotSpot's
 * compiler ("C1 CompilerThread0", "C2 CompilerThre..." as the kernel truncates them). A node is
 * warm once they are nearly idle under load.
 */
final class JitActivity {
  private static final double TICKS_PER_SECOND = 100; // USER_HZ, as CpuMeter

  private final long pid;
  private final long startTicks;
  private final long startNanos;

  private JitActivity(long pid) {
    this.pid = pid;
    this.startTicks = compilerTicks(pid);
    this.startNanos = System.nanoTime();
  }

  static JitActivity start(long pid) {
    return new JitActivity(pid);
  }

  /** Cores the compiler threads used on average since the start. */
  double cores() {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    return (compilerTicks(pid) - startTicks) / TICKS_PER_SECOND / seconds;
  }

  /** utime + stime of the compiler threads of {@code pid}; 0 if they cannot be read. */
  static long compilerTicks(long pid) {
    try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return threads.mapToLong(JitActivity::ticksIfCompiler).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long ticksIfCompiler(Path thread) {
    try {
      String stat = Files.readString(thread.resolve("stat"));
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      return isCompiler(name) ? CpuMeter.ticks(stat) : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // the thread ended meanwhile
    }
  }

  static boolean isCompiler(String threadName) {
    return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
  }
}
