package io.shelfstream.engine.entity;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What an entity owes the callers of its ingest commands, beyond what Pekko keeps for it.
 *
 * <p>Pekko answers nothing when a write fails: the entity restarts (or stops) and its caller would
 * wait out its ask timeout to learn nothing. The gate keeps the caller of the batch being written
 * and, if the entity restarts or stops first, tells it at once that nothing of the batch is known
 * to be durable, so that it resends.
 *
 * <p>While the entity looks up a batch's forgotten ids in the dedupe index, later batches wait
 * here: one decided on the memory as it stands could let through a redelivery that the looked-up
 * batch is about to journal.
 *
 * <p>After a restart the entity doubts its memory once: the next batch is looked up in the index in
 * full. An id memory forgot, redelivered with another time than it first came with, looks new to
 * memory, and its write fails on the index's unique key; the resend is then found in the index and
 * answered as a duplicate, instead of failing again and again.
 */
public final class IngestGate<C extends IngestCommand> {
  private final String onFailure;
  private final List<C> waiting = new ArrayList<>();
  private ActorRef<IngestReply> owed;
  private int owedEvents;
  private boolean checking;
  private boolean doubt;

  /** {@code onFailure}: what a caller is told when the entity restarts or stops on its batch. */
  public IngestGate(String onFailure) {
    this.onFailure = onFailure;
  }

  /** Whether {@code command} must wait for a lookup under way; if so it waits here. */
  public boolean holds(C command) {
    if (checking) {
      waiting.add(command);
    }
    return checking;
  }

  /** The entity looks up {@code command}'s forgotten ids; later commands wait. */
  public void checking(C command) {
    checking = true;
    writing(command);
  }

  /** The lookup answered: the commands that waited go to {@code self} again, in order. */
  public void checked(ActorRef<? super C> self) {
    checking = false;
    waiting.forEach(self::tell);
    waiting.clear();
  }

  /** The entity writes {@code command}'s fresh events. */
  public void writing(C command) {
    owed = command.replyTo();
    owedEvents = command.size();
  }

  /** The batch is answered with {@code reply}: nothing is owed any more. */
  public IngestReply paid(IngestReply reply) {
    owed = null;
    return reply;
  }

  /** Whether the next batch is to be looked up in the index in full, memory notwithstanding. */
  public boolean doubtsMemory() {
    return doubt;
  }

  /** A batch was looked up in full: memory is trusted again. */
  public void trustMemory() {
    doubt = false;
  }

  /** The entity restarts or stops: every batch not yet answered is answered as failed. */
  public void fail() {
    doubt = true;
    if (owed != null) {
      owed.tell(IngestReply.failed(owedEvents, onFailure));
      owed = null;
    }
    waiting.forEach(
        command -> command.replyTo().tell(IngestReply.failed(command.size(), onFailure)));
    waiting.clear();
    checking = false;
  }
}
