package io.shelfstream.engine.entity;

import org.apache.pekko.actor.typed.ActorRef;

/** A batch of events for one entity, answered with one {@link IngestReply}. */
public interface IngestCommand {
  ActorRef<IngestReply> replyTo();

  /** How many events the batch holds: the reply has as many fates. */
  int size();
}
