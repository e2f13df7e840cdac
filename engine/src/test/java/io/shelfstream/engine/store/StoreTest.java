package io.shelfstream.engine.store;

import static io.shelfstream.engine.entity.Fate.ACCEPTED;
import static io.shelfstream.engine.entity.Fate.DUPLICATE;
import static io.shelfstream.engine.entity.Fate.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.store.Store.Command;
import io.shelfstream.engine.store.Store.StoreUpdated;
import io.shelfstream.engine.testkit.JournalDedupeIndex;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreTest {
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void mergesFieldByFieldAndKeepsEachFieldsProvenance() {
    var kit =
        EventSourcedBehaviorTestKit.<Command, StoreUpdated, StoreState>create(
            testKit.system(),
            Store.create(
                "S001",
                TestSettings.sourcePriority(Duration.ofDays(30)),
                new JournalDedupeIndex(testKit.system(), "Store|S001")));
    var erp = StoreUpdates.ERP;
    var pos = StoreUpdates.POS;

    var reply =
        kit.<IngestReply>runCommand(replyTo -> new Store.Ingest(List.of(pos, erp, pos), replyTo))
            .reply();
    assertThat(reply.fates()).containsExactly(ACCEPTED, ACCEPTED, DUPLICATE);

    StoreView view = kit.<Optional<StoreView>>runCommand(Store.GetView::new).reply().orElseThrow();
    assertThat(view.name()).as("erp outranks pos within 30 days").isEqualTo("Lyon Part-Dieu");
    assertThat(view.status()).as("only pos sent a status").isEqualTo("open");
    assertThat(view.timezone()).isEqualTo("Europe/Paris");
    assertThat(view.address()).isNull();
    assertThat(view.provenance().get("name").eventId()).isEqualTo("m1");
    assertThat(view.provenance().get("status").source()).isEqualTo("pos");
    assertThat(view.provenance()).doesNotContainKey("address");

    kit.restart();
    var again =
        kit.<IngestReply>runCommand(replyTo -> new Store.Ingest(List.of(erp), replyTo)).reply();
    assertThat(again.fates()).containsExactly(DUPLICATE);
  }

  @Test
  void aFailedWriteIsAnsweredAtOnceAndItsResendIsAppliedExactlyOnce() {
    var kit =
        EventSourcedBehaviorTestKit.<Command, StoreUpdated, StoreState>create(
            testKit.system(),
            Store.create(
                "S002",
                TestSettings.lastWriteWins(),
                new JournalDedupeIndex(testKit.system(), "Store|S002")));
    var erp = StoreUpdates.ERP;

    kit.persistenceTestKit().failNextPersisted();
    var failed =
        kit.<IngestReply>runCommand(replyTo -> new Store.Ingest(List.of(erp), replyTo)).reply();
    assertThat(failed.fates()).containsExactly(FAILED);

    // restarted from the journal alone: nothing of the failed write is shown or remembered
    assertThat(kit.<Optional<StoreView>>runCommand(Store.GetView::new).reply()).isEmpty();
    var resent =
        kit.<IngestReply>runCommand(replyTo -> new Store.Ingest(List.of(erp), replyTo)).reply();
    assertThat(resent.fates()).containsExactly(ACCEPTED);
    assertThat(kit.persistenceTestKit().persistedInStorage("Store|S002")).containsExactly(erp);

    kit.restart();
    StoreView view = kit.<Optional<StoreView>>runCommand(Store.GetView::new).reply().orElseThrow();
    assertThat(view.version()).isEqualTo(1);
  }
}
