package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.IngestReply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CoalescingSenderTest {

  /** An entity that answers when told to: ACCEPTED for even numbers, DUPLICATE for odd ones. */
  private static final class Entity implements CoalescingSender.Send<Integer> {
    final List<String> entityIds = new ArrayList<>();
    final List<List<Integer>> commands = new ArrayList<>();
    final List<CompletableFuture<IngestReply>> replies = new ArrayList<>();

    @Override
    public synchronized CompletionStage<IngestReply> send(String entityId, List<Integer> events) {
      entityIds.add(entityId);
      commands.add(List.copyOf(events));
      var reply = new CompletableFuture<IngestReply>();
      replies.add(reply);
      return reply;
    }

    void answer(int command) {
      List<Fate> statuses = new ArrayList<>();
      commands.get(command).forEach(n -> statuses.add(n % 2 == 0 ? Fate.ACCEPTED : Fate.DUPLICATE));
      replies.get(command).complete(new IngestReply(statuses));
    }
  }

  @Test
  void eventsThatArriveWhileACommandIsInFlightGoTogetherInTheNextOne() {
    var entity = new Entity();
    var sender = new CoalescingSender<>(entity, 100);

    var first = sender.submit("L1", List.of(0, 1));
    var second = sender.submit("L1", List.of(2));
    var third = sender.submit("L1", List.of(3, 4));
    var elsewhere = sender.submit("L2", List.of(6));
    assertThat(entity.commands)
        .as("one in flight per entity")
        .containsExactly(List.of(0, 1), List.of(6));

    entity.answer(0);
    assertThat(first).isCompletedWithValue(List.of(Fate.ACCEPTED, Fate.DUPLICATE));
    assertThat(entity.commands.get(2))
        .as("everything that waited, in order")
        .isEqualTo(List.of(2, 3, 4));
    assertThat(entity.entityIds.get(2)).isEqualTo("L1");
    assertThat(second).isNotDone();

    entity.answer(2);
    assertThat(second).isCompletedWithValue(List.of(Fate.ACCEPTED));
    assertThat(third).isCompletedWithValue(List.of(Fate.DUPLICATE, Fate.ACCEPTED));
    assertThat(elsewhere).isNotDone();
    entity.answer(1);
    assertThat(elsewhere).isCompletedWithValue(List.of(Fate.ACCEPTED));

    sender.submit("L1", List.of(8));
    assertThat(entity.commands).as("idle again: sent at once").hasSize(4);
  }

  @Test
  void aCommandCarriesAtMostTheLimitUnlessOneSubmissionIsBiggerAlone() {
    var entity = new Entity();
    var sender = new CoalescingSender<>(entity, 3);
    sender.submit("L1", List.of(0));
    sender.submit("L1", List.of(2, 4));
    sender.submit("L1", List.of(6, 8));
    sender.submit("L1", List.of(10, 12, 14, 16));

    entity.answer(0);
    assertThat(entity.commands.get(1)).isEqualTo(List.of(2, 4));
    entity.answer(1);
    assertThat(entity.commands.get(2)).isEqualTo(List.of(6, 8));
    entity.answer(2);
    assertThat(entity.commands.get(3)).isEqualTo(List.of(10, 12, 14, 16));
  }

  @Test
  void aFailedCommandFailsOnlyItsOwnEventsAndTheNextOneStillGoes() {
    var entity = new Entity();
    var sender = new CoalescingSender<>(entity, 100);
    var failed = sender.submit("L1", List.of(0));
    var next = sender.submit("L1", List.of(2));

    entity.replies.get(0).completeExceptionally(new IllegalStateException("ask timed out"));
    assertThat(failed).isCompletedExceptionally();
    assertThat(next).isNotDone();
    entity.answer(1);
    assertThat(next).isCompletedWithValue(List.of(Fate.ACCEPTED));
  }

  @Test
  void aFailedCommandFailsEveryBatchInItWithTheEntitysReason() {
    var entity = new Entity();
    var sender = new CoalescingSender<>(entity, 100);
    var first = sender.submit("L1", List.of(0));
    var second = sender.submit("L1", List.of(2));
    var third = sender.submit("L1", List.of(4));
    entity.answer(0);

    entity.replies.get(1).complete(IngestReply.failed(2, "the journal write failed; resend"));
    assertThat(first).isCompletedWithValue(List.of(Fate.ACCEPTED));
    assertThat(second)
        .isCompletedExceptionally()
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(NotDurableException.class)
        .withMessageContaining("the journal write failed; resend");
    assertThat(third).isCompletedExceptionally();
  }
}
