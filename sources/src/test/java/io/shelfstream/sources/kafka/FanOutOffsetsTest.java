package io.shelfstream.sources.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.integration.MappedRecords;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Kafka record that fans out carries its offset on its last event only, so that a batch ending
 * inside its fan-out never commits it (a crash then would lose the rest of its events).
 */
class FanOutOffsetsTest {
  private static final String MAPPING =
      "{\"each\": \"lines\", \"fields\": ["
          + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"sale\"}]},"
          + "{\"target\": \"eventId\", \"source\": \"id\"},"
          + "{\"target\": \"occurredAt\", \"source\": \"at\", \"formats\": [\"iso\"],"
          + " \"zone\": \"UTC\"},"
          + "{\"target\": \"locationId\", \"source\": \"store\"},"
          + "{\"target\": \"sku\", \"source\": \"lines[].sku\"},"
          + "{\"target\": \"qty\", \"source\": \"lines[].qty\"}]}";

  private static List<Decoded<Long>> decode(long offset, String json) {
    Mapping mapping = ((CompileResult.Compiled) Mapping.compile(MAPPING, "shop")).mapping();
    return KafkaRecords.offsetOnLast(
        new MappedRecords(mapping, "shop")
            .decode(offset, "offset " + offset, json.getBytes(StandardCharsets.UTF_8), "k"));
  }

  private static Outcome<Long> accepted(Decoded<Long> decoded) {
    return new Outcome<>(decoded.position(), "e", Fate.ACCEPTED, null);
  }

  @Test
  void onlyTheLastEventOfARecordCarriesItsOffset() {
    var events =
        decode(
            7,
            "{\"id\":\"o\",\"at\":\"2026-03-01T10:00:00Z\",\"store\":\"S\","
                + "\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\",\"qty\":1},"
                + "{\"sku\":\"C\",\"qty\":1}]}");
    assertThat(events).extracting(Decoded::position).containsExactly(null, null, 7L);

    // a batch cut after the second event of record 7 commits record 6, not 7
    var cut =
        List.of(
            new Outcome<>(6L, "x", Fate.ACCEPTED, null),
            accepted(events.get(0)),
            accepted(events.get(1)));
    assertThat(KafkaIntegrationSource.lastCommittable(cut)).contains(6L);
    assertThat(KafkaIntegrationSource.lastCommittable(List.of(accepted(events.get(0))))).isEmpty();
    assertThat(KafkaIntegrationSource.lastCommittable(List.of(accepted(events.get(2)))))
        .contains(7L);
  }

  @Test
  void aFailedRecordIsOneDeadLetterAtItsOffset() {
    var failed = decode(9, "{\"id\":\"o\",\"lines\":[{\"sku\":\"A\",\"qty\":\"x\"}]}");
    assertThat(failed).singleElement().isInstanceOf(Decoded.Invalid.class);
    assertThat(failed.get(0).position()).isEqualTo(9L);
  }

  @Test
  void anOutcomeNotDurableFailsTheBatch() {
    var notDurable = List.of(new Outcome<>(3L, "e", Fate.FAILED, "journal down"));
    assertThatThrownBy(() -> KafkaIntegrationSource.lastCommittable(notDurable))
        .isInstanceOf(KafkaIntegrationSource.NotDurableException.class);
  }
}
