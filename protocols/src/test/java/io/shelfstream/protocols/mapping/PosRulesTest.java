package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import io.shelfstream.protocols.mapping.record.Record;
import org.junit.jupiter.api.Test;

/** Mapped events obey the POS format's rules, which name the mapping's fields and sources. */
class PosRulesTest {
  private static final Mapping STORES =
      compile(
          """
          {"fields": [
            {"target": "type", "transforms": [{"constant": "store"}]},
            {"target": "eventId", "source": "rev"},
            {"target": "occurredAt", "source": "updated", "formats": ["yyyy-MM-dd"], "zone": "Europe/Paris"},
            {"target": "storeId", "source": "code"},
            {"target": "name", "source": "label"},
            {"target": "timezone", "source": "tz"}
          ]}""");

  @Test
  void aStoreRecordBecomesAStoreUpdateWithItsTextIntact() {
    var store =
        (StoreUpdate)
            event(
                STORES,
                "{\"rev\":\"m-1\",\"updated\":\"2026-01-05\",\"code\":\"S1\",\"label\":\"Lyon Part-Dieu 🛍 é\"}");
    assertThat(store.fields()).containsEntry(StoreField.NAME, "Lyon Part-Dieu 🛍 é");
    assertThat(store.occurredAt()).hasToString("2026-01-05T00:00+01:00");
  }

  @Test
  void aLoneSurrogateIsRefusedNamingTheFieldAndItsSource() {
    var tree = JsonNodeFactory.instance.objectNode();
    tree.put("rev", "m-1")
        .put("updated", "2026-01-05")
        .put("code", "S1")
        .put("label", "bad \ud83d");
    assertThat(errors(STORES, Record.json(tree)))
        .containsExactly(
            "name (from label): must be well-formed Unicode: a lone surrogate U+D83D at character 5");
  }

  @Test
  void ruleBreachesAreNamedAsThePosFormatNamesThem() {
    assertThat(
            errors(
                STORES,
                "{\"rev\":\"m-1\",\"updated\":\"2026-01-05\",\"code\":\"S|1\",\"tz\":\"Mars/Base\"}"))
        .containsExactly(
            "storeId (from code): must not contain '|'",
            "timezone (from tz): must be an IANA time zone or an offset, got \"Mars/Base\"");
    assertThat(errors(STORES, "{\"rev\":\"m-1\",\"updated\":\"2026-01-05\",\"code\":\"S1\"}"))
        .containsExactly(
            "record (from (record)): a store event needs at least one of name, address, timezone,"
                + " status");
  }

  @Test
  void aFieldThePosFormatNeedsButTheMappingLeavesOutIsNamedAsNotMapped() {
    var mapping =
        compile(
            """
            {"fields": [
              {"target": "type", "transforms": [{"constant": "count"}]},
              {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
              {"target": "sku", "source": "sku"},
              {"target": "onHand", "source": "n"}
            ]}""");
    assertThat(errors(mapping, "{\"at\":\"2026-03-01T00:00:00Z\",\"sku\":\"A\",\"n\":1}"))
        .containsExactly("locationId (from (not mapped)): is required");
  }
}
