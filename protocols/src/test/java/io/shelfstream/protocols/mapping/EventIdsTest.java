package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static io.shelfstream.protocols.mapping.Mappings.events;
import static io.shelfstream.protocols.mapping.Mappings.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.RetailEvent;
import org.junit.jupiter.api.Test;

/** Without a mapped event id, the id is a digest of the mapped content: resent means duplicate. */
class EventIdsTest {
  private static final String FIELDS =
      """
      {"target": "type", "transforms": [{"constant": "sale"}]},
      {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
      {"target": "locationId", "source": "store"},
      {"target": "sku", "source": "SKU_PATH"},
      {"target": "qty", "source": "QTY_PATH"}""";

  private static final Mapping FLAT =
      compile("{\"fields\": [" + FIELDS.replace("SKU_PATH", "sku").replace("QTY_PATH", "n") + "]}");

  private static final Mapping FANNED =
      compile(
          "{\"each\": \"lines\", \"fields\": ["
              + FIELDS.replace("SKU_PATH", "lines[].sku").replace("QTY_PATH", "lines[].n")
              + "]}");

  private static final String SALE =
      "{\"at\":\"2026-03-01T00:00:00Z\",\"store\":\"S\",\"sku\":\"A\",\"n\":1,\"note\":\"x\"}";

  @Test
  void anIdenticalRecordGetsTheSameIdAndAnotherOneAnother() {
    RetailEvent first = event(FLAT, SALE);
    RetailEvent resent = event(FLAT, SALE);
    RetailEvent other = event(FLAT, SALE.replace("\"n\":1", "\"n\":2"));
    assertThat(first.eventId()).startsWith("mapped:").hasSize("mapped:".length() + 32);
    assertThat(resent.eventId()).isEqualTo(first.eventId());
    assertThat(other.eventId()).isNotEqualTo(first.eventId());
  }

  @Test
  void fieldsTheMappingDoesNotReadDoNotChangeTheId() {
    assertThat(event(FLAT, SALE.replace("\"note\":\"x\"", "\"note\":\"y\"")).eventId())
        .isEqualTo(event(FLAT, SALE).eventId());
  }

  @Test
  void identicalLinesOfOneOrderGetDistinctIdsByTheirIndex() {
    String order =
        "{\"at\":\"2026-03-01T00:00:00Z\",\"store\":\"S\",\"lines\":[{\"sku\":\"A\",\"n\":1},"
            + "{\"sku\":\"A\",\"n\":1}]}";
    var sales = events(FANNED, record(order));
    var again = events(FANNED, record(order));
    assertThat(sales).extracting(RetailEvent::eventId).doesNotHaveDuplicates();
    assertThat(again)
        .extracting(RetailEvent::eventId)
        .containsExactlyElementsOf(sales.stream().map(RetailEvent::eventId).toList());
  }
}
