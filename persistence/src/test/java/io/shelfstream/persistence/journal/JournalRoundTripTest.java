package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.record.EventAck;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.schema.SchemaCreator;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden record on pekko-persistence-jdbc over Shelfstream's schema, across a restart. */
class JournalRoundTripTest {
  private static final PosLineParser PARSER = new PosLineParser();

  private static ActorSystem<Void> start(TestDatabase db) {
    SchemaCreator.createIfMissing(db.settings());
    var config =
        JournalConfig.forDatabase(db.settings())
            .withFallback(SingleNodeCluster.config())
            .withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal-test", config);
    SingleNodeCluster.joinSelf(system);
    return system;
  }

  private static RetailEvent event(String json) {
    return ((ParseResult.Parsed) PARSER.parse(json)).event();
  }

  private static List<RetailEvent> sales(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                event(
                    "{\"type\":\"sale\",\"eventId\":\"s"
                        + i
                        + "\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
                        + "\"locationId\":\"L"
                        + (i % 3)
                        + "\",\"sku\":\"A\",\"qty\":1}"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void eventsAreJournaledTaggedAndRecoveredAfterARestart(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      var settings = GoldenRecordSettings.fromConfig(ConfigFactory.load());
      List<RetailEvent> events = sales(30);

      ActorSystem<Void> first = start(db);
      try {
        var records = GoldenRecords.start(first, settings, db.dedupeIndex(), db.recordStore());
        List<EventAck> acks =
            records.ingest(events).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(acks).containsOnly(EventAck.ACCEPTED);

        var journal =
            PersistenceQuery.get(first)
                .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        long tagged = 0;
        for (int slice = 0; slice < settings.tagSlices(); slice++) {
          List<EventEnvelope> slice0 =
              journal
                  .currentEventsByTag("inventory-" + slice, Offset.noOffset())
                  .runWith(Sink.seq(), first)
                  .toCompletableFuture()
                  .get(20, TimeUnit.SECONDS);
          for (EventEnvelope entry : slice0) {
            tagged += ((LocationInventory.Journaled) entry.event()).events().size();
          }
        }
        assertThat(tagged).as("every event is in exactly one slice").isEqualTo(30);
      } finally {
        first.terminate();
        first.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }

      ActorSystem<Void> second = start(db);
      try {
        var records = GoldenRecords.start(second, settings, db.dedupeIndex(), db.recordStore());
        InventoryView l0 =
            records
                .inventory(new InventoryKey("L0", "A"))
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS)
                .orElseThrow();
        assertThat(l0.onHand()).isEqualTo(-10);
        assertThat(
                records
                    .ingest(events.subList(0, 5))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS))
            .as("dedupe survives the restart")
            .containsOnly(EventAck.DUPLICATE);
      } finally {
        second.terminate();
        second.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
