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

  Cleanup() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "bench-cleanup"));
  }

  synchronized <T extends AutoCloseable> T track(T resource) {
    open.push(resource);
    return resource;
  }

  synchronized void forget(AutoCloseable resource) {
    open.remove(resource);
  }

  void closeAll() {
    List<AutoCloseable> left;
    synchronized (this) {
      left = new ArrayList<>(open);
      open.clear();
    }
    for (AutoCloseable resource : left) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("bench: cleaning up " + resource + " failed: " + e.getMessage());
      }
    }
  }
}
