package io.shelfstream.simulations.bench;

import java.util.List;

/**
 * Frames on nearly every sampled stack (thread pools, actor mailboxes, stream interpreter loops):
 * they head any "total" ranking and say nothing about where the time goes, so that ranking leaves
 * them out.
 */
final class Plumbing {

  static final List<String> PREFIXES =
      List.of(
          "java.lang.Thread.run",
          "java.util.concurrent.ForkJoin",
          "java.util.concurrent.ThreadPoolExecutor",
          "org.apache.pekko.dispatch.",
          "org.apache.pekko.actor.ActorCell.invoke",
          "org.apache.pekko.actor.ActorCell.receiveMessage",
          "org.apache.pekko.actor.ActorCell.systemInvoke",
          "org.apache.pekko.actor.Actor.aroundReceive",
          "org.apache.pekko.actor.typed.internal.adapter.ActorAdapter.aroundReceive",
          "org.apache.pekko.actor.typed.internal.adapter.ActorAdapter.handleMessage",
          "org.apache.pekko.actor.typed.Behavior$.interpret",
          "org.apache.pekko.actor.typed.internal.InterceptorImpl",
          "org.apache.pekko.actor.typed.internal.SimpleSupervisor.aroundReceive",
          "org.apache.pekko.actor.typed.internal.RestartSupervisor.aroundReceive",
          "org.apache.pekko.actor.typed.scaladsl.AbstractBehavior.receive",
          "scala.PartialFunction$OrElse.applyOrElse",
          "org.apache.pekko.stream.impl.fusing.ActorGraphInterpreter",
          "org.apache.pekko.stream.impl.fusing.GraphInterpreterShell",
          "org.apache.pekko.stream.impl.fusing.GraphInterpreter.");

  private Plumbing() {}

  static boolean is(String method) {
    for (String prefix : PREFIXES) {
      if (method.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
