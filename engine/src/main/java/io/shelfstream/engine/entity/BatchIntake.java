package io.shelfstream.engine.entity;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IdMemory.Recall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * How an entity takes its ingest commands, beyond what Pekko keeps for it: which events of a batch
 * are new, and what it owes the callers.
 *
 * <p>Memory decides most events; those it may have forgotten are looked up in the {@link
 * DedupeIndex}, and while that lookup runs later batches wait here: one decided on the memory as it
 * stands could let through a redelivery that the looked-up batch is about to journal.
 *
 * <p>Pekko answers nothing when a write fails: the entity restarts (or stops) and its caller would
 * wait out its ask timeout to learn nothing. The intake keeps the caller of the batch being
 * written, and of those waiting, and if the entity restarts or stops first tells them at once that
 * nothing of their batch is known to be durable, so that they resend. After that the entity doubts
 * its memory once and looks its next batch up in full: an id memory forgot, sent again later the
 * same day than it first came, looks new to memory and fails its write on the index's unique key;
 * the resend is then found in the index and answered as a duplicate, instead of failing again and
 * again.
 *
 * @param <C> the entity's ingest command
 * @param <E> the events it journals
 */
public final class BatchIntake<C extends IngestCommand, E> {

  /** The index's answer for the events of {@code command} that memory could not decide. */
  public record Lookup<C, E>(
      C command, BatchDedupe.Recalled<E> recalled, Set<EventKey> journaled, Throwable failure) {}

  /**
   * What to do with a looked-up batch: journal what is {@code decided}, or answer {@code failed}.
   */
  public record Answer<E>(BatchDedupe.Decided<E> decided, IngestReply failed) {}

  private final String onFailure;
  private final DedupeIndex index;
  private final Function<E, Object> identity;
  private final Function<E, EventKey> keyOf;
  private final List<C> waiting = new ArrayList<>();
  private ActorRef<IngestReply> owed;
  private int owedEvents;
  private boolean checking;
  private boolean doubt;

  /**
   * {@code onFailure}: what a caller is told when the entity restarts or stops on its batch; {@code
   * identity} tells the events of one record apart (record, source, id); {@code keyOf} gives an
   * event's key in the index.
   */
  public BatchIntake(
      String onFailure,
      DedupeIndex index,
      Function<E, Object> identity,
      Function<E, EventKey> keyOf) {
    this.onFailure = onFailure;
    this.index = index;
    this.identity = identity;
    this.keyOf = keyOf;
  }

  /**
   * The batch decided at once from {@code memory}; or empty when it waits for a lookup under way,
   * or when its own lookup has started and its answer will come to {@code context} as the message
   * {@code answered} makes of it.
   */
  public <M> Optional<BatchDedupe.Decided<E>> take(
      C command,
      List<E> events,
      Function<E, Recall> memory,
      ActorContext<M> context,
      Function<Lookup<C, E>, M> answered) {
    if (checking) {
      waiting.add(command);
      return Optional.empty();
    }
    var remembered = BatchDedupe.recall(events, identity, memory);
    var recalled = doubt ? remembered.doubtingNew() : remembered;
    List<E> uncertain = recalled.uncertain();
    if (uncertain.isEmpty()) {
      return Optional.of(recalled.decide(event -> false));
    }
    checking = true;
    owe(command);
    Set<EventKey> keys = new HashSet<>();
    uncertain.forEach(event -> keys.add(keyOf.apply(event)));
    context.pipeToSelf(
        index.journaled(keys),
        (found, failure) -> answered.apply(new Lookup<>(command, recalled, found, failure)));
    return Optional.empty();
  }

  /** The index answered: the batches that waited go to {@code self} again, in order. */
  public Answer<E> answered(Lookup<C, E> lookup, ActorRef<? super C> self) {
    checking = false;
    waiting.forEach(self::tell);
    waiting.clear();
    if (lookup.failure() != null) {
      String why =
          "the dedupe index could not be read (" + lookup.failure().getMessage() + "); resend";
      return new Answer<>(null, IngestReply.failed(lookup.command().size(), why));
    }
    doubt = false;
    Set<EventKey> journaled = lookup.journaled();
    return new Answer<>(
        lookup.recalled().decide(event -> journaled.contains(keyOf.apply(event))), null);
  }

  /** The entity writes {@code command}'s fresh events: it owes their caller the answer. */
  public void owe(C command) {
    owed = command.replyTo();
    owedEvents = command.size();
  }

  /** The batch is answered with {@code reply}: nothing is owed any more. */
  public IngestReply paid(IngestReply reply) {
    owed = null;
    return reply;
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
