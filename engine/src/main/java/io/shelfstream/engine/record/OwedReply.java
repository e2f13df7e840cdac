package io.shelfstream.engine.record;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The reply an entity owes for the batch it is writing. Pekko answers nothing when a write fails:
 * the entity restarts (or stops), and its caller would wait out its ask timeout and learn nothing.
 * The entity keeps the caller here while it writes and, if it restarts or stops first, tells it at
 * once that nothing of the batch is known to be durable, so that it resends.
 */
public final class OwedReply {
  private ActorRef<IngestReply> replyTo;
  private int events;

  /** The entity writes a batch of {@code events} for {@code replyTo}. */
  public void writing(ActorRef<IngestReply> replyTo, int events) {
    this.replyTo = replyTo;
    this.events = events;
  }

  /** The batch is durable: {@code reply} is the answer, and nothing is owed any more. */
  public IngestReply paid(IngestReply reply) {
    replyTo = null;
    return reply;
  }

  /** The entity restarts or stops: a batch still being written is answered as failed. */
  public void fail(String why) {
    if (replyTo != null) {
      replyTo.tell(IngestReply.failed(events, why));
      replyTo = null;
    }
  }
}
