package io.shelfstream.http.node;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;

/** Starts a node from application.conf and the SHELFSTREAM_* environment; runs until stopped. */
public final class Main {
  private static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  public static void main(String[] args) throws Exception {
    // Below 3 cores the common pool has one thread, and CompletableFuture then starts a thread
    // per async task; libraries that default to it (Scala's future converters) would pay that
    // per event. Set before anything touches the pool.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(
          COMMON_POOL_PARALLELISM,
          Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }
    ShelfstreamNode node;
    try {
      node = ShelfstreamNode.start(ConfigFactory.load());
    } catch (RuntimeException e) {
      System.err.println("shelfstream: the node did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("Shelfstream node listening on " + node.urls());
    node.system().getWhenTerminated().toCompletableFuture().get(Long.MAX_VALUE, TimeUnit.DAYS);
  }
}
