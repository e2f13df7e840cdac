package io.shelfstream.http.node;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;

/** Starts a node from application.conf and the SHELFSTREAM_* environment; runs until stopped. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    ShelfstreamNode node;
    try {
      node = ShelfstreamNode.start(ConfigFactory.load());
    } catch (RuntimeException e) {
      System.err.println("shelfstream: the node did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(
        "Shelfstream node listening on http://"
            + node.httpAddress().getHostString()
            + ":"
            + node.httpAddress().getPort());
    node.system().getWhenTerminated().toCompletableFuture().get(Long.MAX_VALUE, TimeUnit.DAYS);
  }
}
