package io.shelfstream.http.node;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** How a node joins its cluster: itself when it has no seed nodes, its seeds otherwise. */
final class ClusterJoin {
  private ClusterJoin() {}

  /**
   * Completes once a node that joins itself is an Up member; at once for one that joins its seed
   * nodes by configuration (readiness says when it is Up).
   */
  static CompletableFuture<Void> start(ActorSystem<?> system, NodeSettings node) {
    if (!node.joinsItself()) {
      return CompletableFuture.completedFuture(null);
    }
    var up = new CompletableFuture<Void>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(() -> up.complete(null));
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return up;
  }
}
