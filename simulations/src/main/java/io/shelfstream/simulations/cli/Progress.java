package io.shelfstream.simulations.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A status line on stderr: redrawn in place four times a second on a terminal, or printed as a
 * plain line every two seconds when stderr goes to a file or a pipe (Java cannot ask whether stderr
 * itself is a terminal, so an attached console stands for it).
 */
final class Progress implements AutoCloseable {

  private final PrintStream err;
  private final boolean terminal;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
          });
  private int lastWidth;

  Progress(PrintStream err, boolean terminal, Supplier<String> status) {
    this.err = err;
    this.terminal = terminal;
    long periodMillis = terminal ? 250 : 2000;
    ticker.scheduleAtFixedRate(
        () -> draw(status.get()), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  static boolean stderrLooksLikeATerminal() {
    return System.console() != null;
  }

  private synchronized void draw(String line) {
    if (terminal) {
      String padded =
          line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
      lastWidth = line.length();
      err.print("\r" + padded);
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (terminal && lastWidth > 0) {
      err.println();
    }
  }
}
