package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static io.shelfstream.protocols.mapping.Mappings.events;
import static io.shelfstream.protocols.mapping.Mappings.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StockMovement;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nested paths, array indexes, and one order fanning out to one sale per line item. */
class FanOutAndPathsTest {
  private static final Mapping ORDERS =
      compile(
          """
          {"each": "line_items", "fields": [
            {"target": "type", "transforms": [{"constant": "sale"}]},
            {"target": "eventId", "source": "order.id"},
            {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
            {"target": "locationId", "source": "order.store"},
            {"target": "sku", "source": "line_items[].sku"},
            {"target": "qty", "source": "line_items[].quantity"},
            {"target": "unitPrice", "source": "line_items[].price.cents",
             "transforms": [{"multiply": 0.01}]}
          ]}""");

  private static final String ORDER =
      """
      {"order": {"id": "o-7", "created_at": "2026-03-01T10:00:00+01:00", "store": "S1"},
       "line_items": [
         {"sku": "A", "quantity": 1, "price": {"cents": 250}},
         {"sku": "B", "quantity": 3, "price": {"cents": 1000}}]}""";

  @Test
  void anOrderGivesOneSalePerLineWithTheOrdersSharedFields() {
    List<RetailEvent> sales = events(ORDERS, record(ORDER));
    assertThat(sales).hasSize(2);
    var first = (StockMovement) sales.get(0);
    var second = (StockMovement) sales.get(1);
    assertThat(first.eventId()).isEqualTo("o-7:0");
    assertThat(second.eventId()).isEqualTo("o-7:1");
    assertThat(List.of(first.key().sku(), second.key().sku())).containsExactly("A", "B");
    assertThat(List.of(first.qty(), second.qty())).containsExactly(1L, 3L);
    assertThat(second.unitPrice()).isEqualByComparingTo("10");
    assertThat(second.key().locationId()).isEqualTo("S1");
    assertThat(second.occurredAt()).isEqualTo(first.occurredAt());
    assertThat(first.source()).isEqualTo("erp");
  }

  @Test
  void aBadLineFailsTheWholeOrderNamingTheLine() {
    String order = ORDER.replace("\"quantity\": 3", "\"quantity\": \"three\"");
    assertThat(errors(ORDERS, order))
        .containsExactly("qty (from line_items[1].quantity): must be an integer, got \"three\"");
  }

  @Test
  void aBadSharedFieldIsReportedOnceNotOncePerLine() {
    String order = ORDER.replace("2026-03-01T10:00:00+01:00", "yesterday");
    assertThat(errors(ORDERS, order))
        .containsExactly(
            "occurredAt (from order.created_at): must be a timestamp as iso, got \"yesterday\"");
  }

  @Test
  void aRecordWithoutTheArrayOrWithAnEmptyOneGivesNoEventAndSaysWhy() {
    assertThat(errors(ORDERS, "{\"order\": {}, \"line_items\": {\"sku\": \"A\"}}"))
        .containsExactly(
            "each (from line_items): must be an array to fan out on, got {\"sku\":\"A\"}");
    assertThat(errors(ORDERS, "{\"order\": {}}"))
        .containsExactly("each (from line_items): must be an array to fan out on, got nothing");
    assertThat(errors(ORDERS, "{\"order\": {}, \"line_items\": []}"))
        .containsExactly("each (from line_items): is empty: the record gives no event");
  }

  @Test
  void aPathCanIndexIntoArraysAndWalkNestedObjects() {
    var mapping =
        compile(
            """
            {"fields": [
              {"target": "type", "transforms": [{"constant": "count"}]},
              {"target": "eventId", "source": "meta.ids[1]"},
              {"target": "occurredAt", "source": "meta.at", "formats": ["iso"], "zone": "UTC"},
              {"target": "locationId", "source": "properties.store.code"},
              {"target": "sku", "source": "items[0].sku"},
              {"target": "onHand", "source": "items[0].levels[2]"}
            ]}""");
    var count =
        event(
            mapping,
            """
            {"meta": {"ids": ["x", "c-9"], "at": "2026-03-01T00:00:00Z"},
             "properties": {"store": {"code": "S2"}},
             "items": [{"sku": "Z", "levels": [0, 0, 17]}]}""");
    assertThat(count.eventId()).isEqualTo("c-9");
    assertThat(count.entityId()).contains("S2").contains("Z");
  }

  @Test
  void aMissingStepOrAWrongShapeIsAnAbsentValueNamedByItsPath() {
    assertThat(errors(ORDERS, ORDER.replace("\"store\": \"S1\"", "\"shop\": \"S1\"")))
        .containsExactly("locationId (from order.store): is required");
    assertThat(
            errors(
                ORDERS,
                ORDER.replace("\"order\": {", "\"order\": [{").replace("\"S1\"}", "\"S1\"}]")))
        .contains("eventId (from order.id): is required");
  }

  @Test
  void anEventIdTakenFromEachLineIsKeptAsItIs() {
    var mapping =
        compile(
            """
            {"each": "lines", "fields": [
              {"target": "type", "transforms": [{"constant": "receipt"}]},
              {"target": "eventId", "source": "lines[].id"},
              {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
              {"target": "locationId", "source": "lines[].to"},
              {"target": "sku", "source": "lines[].sku"},
              {"target": "qty", "source": "lines[].n"}
            ]}""");
    var receipts =
        events(
            mapping,
            record(
                """
                {"at": "2026-03-01T00:00:00Z", "lines": [
                  {"id": "r-1", "to": "W1", "sku": "A", "n": 5},
                  {"id": "r-2", "to": "W2", "sku": "A", "n": 6}]}"""));
    assertThat(receipts).extracting(RetailEvent::eventId).containsExactly("r-1", "r-2");
  }

  @Test
  void anEventIdBuiltFromEachLineByConcatIsKeptAsItIs() {
    var mapping =
        compile(
            """
            {"each": "line_items", "fields": [
              {"target": "type", "transforms": [{"constant": "sale"}]},
              {"target": "eventId", "source": "order.id", "transforms": [{"concat": {"parts":
                [{"source": "line_items[].line_no"}], "separator": "-"}}]},
              {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
              {"target": "locationId", "source": "order.store"},
              {"target": "sku", "source": "line_items[].sku"},
              {"target": "qty", "source": "line_items[].quantity"}
            ]}""");
    String order =
        ORDER
            .replace("{\"sku\": \"A\"", "{\"line_no\": 10, \"sku\": \"A\"")
            .replace("{\"sku\": \"B\"", "{\"line_no\": 20, \"sku\": \"B\"");
    assertThat(events(mapping, record(order)))
        .extracting(RetailEvent::eventId)
        .containsExactly("o-7-10", "o-7-20");
  }

  @Test
  void anOrderWithThousandsOfBadLinesGivesABoundedListOfErrors() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      lines
          .append(i == 0 ? "" : ",")
          .append("{\"sku\": \"A\", \"quantity\": \"x")
          .append(i)
          .append("\"}");
    }
    String order = ORDER.substring(0, ORDER.indexOf("[")) + "[" + lines + "]}";
    List<String> errors = errors(ORDERS, order);
    assertThat(errors).hasSize(101);
    assertThat(errors.get(0)).startsWith("qty (from line_items[0].quantity)");
    assertThat(errors.get(100)).isEqualTo("record (from (record)): and 400 more errors");
  }

  @Test
  void aRecordFanningOutBeyondTheLimitIsRefused() {
    String items = String.join(",", Collections.nCopies(10_001, "{}"));
    String order = ORDER.substring(0, ORDER.indexOf("[")) + "[" + items + "]}";
    assertThat(errors(ORDERS, order))
        .containsExactly("each (from line_items): has more than 10000 elements");
  }
}
