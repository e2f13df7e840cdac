package io.shelfstream.simulations.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Everything the harness started or created (nodes, brokers, schemas, temporary directories) that
 * is still open. Each resource closes itself in a finally; whatever is left when the JVM exits,
 * after a failure or Ctrl-C, is closed here by a shutdown hook, newest first.
 */
final class Cleanup {

  private final Deque<AutoCloseable> open = new ArrayDeque<>();
  private boolean exiting;

  Cleanup() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::exit, "bench-cleanup"));
  }

  /**
   * Registers a resource to close. Once the JVM is exiting, the harness's threads still run until
   * it halts: a resource they create then is closed at once instead of outliving the harness.
   */
  <T extends AutoCloseable> T track(T resource) {
    synchronized (this) {
      if (!exiting) {
        open.push(resource);
        return resource;
      }
    }
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("bench: cleaning up " + resource + " failed: " + e.getMessage());
    }
    throw new IllegalStateException("the harness is exiting: " + resource + " was closed at once");
  }

  synchronized void forget(AutoCloseable resource) {
    open.remove(resource);
  }

  /** What the shutdown hook does: close everything, and refuse anything new from then on. */
  void exit() {
    synchronized (this) {
      exiting = true;
    }
    closeAll();
  }

  /** How many resources are open: {@link #closeSince} closes those opened after this point. */
  synchronized int mark() {
    return open.size();
  }

  /** Closes what was opened since {@code mark}, newest first; older resources stay open. */
  void closeSince(int mark) {
    List<AutoCloseable> left;
    synchronized (this) {
      left = new ArrayList<>(open).subList(0, Math.max(0, open.size() - mark));
    }
    close(left);
  }

  void closeAll() {
    closeSince(0);
  }

  private void close(List<AutoCloseable> left) {
    for (AutoCloseable resource : left) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("bench: cleaning up " + resource + " failed: " + e.getMessage());
      }
    }
  }
}
