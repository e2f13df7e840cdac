package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import org.junit.jupiter.api.Test;

/** Enum mapping, and the event's kind chosen by a field's value. */
class EnumsAndKindsTest {
  private static final Mapping FEED =
      compile(
          """
          {"fields": [
            {"target": "type", "source": "kind", "transforms": ["trim", "upper"],
             "enum": {"S": "sale", "R": "return", "C": "count"}},
            {"target": "eventId", "source": "id"},
            {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
            {"target": "locationId", "source": "store"},
            {"target": "sku", "source": "sku"},
            {"target": "qty", "source": "n"},
            {"target": "onHand", "source": "level"},
            {"target": "channel", "source": "ch", "enum": {"IN": "pos", "WEB": "online"},
             "enumDefault": "other"}
          ]}""");

  private static final String BASE =
      "\"id\":\"e\",\"at\":\"2026-03-01T00:00:00Z\",\"store\":\"S\",\"sku\":\"A\"";

  @Test
  void theKindIsChosenByAFieldsValue() {
    var sale = (StockMovement) event(FEED, "{" + BASE + ",\"kind\":\"s\",\"n\":1,\"ch\":\"IN\"}");
    var returned = (StockMovement) event(FEED, "{" + BASE + ",\"kind\":\" R \",\"n\":2}");
    var count = (StockCount) event(FEED, "{" + BASE + ",\"kind\":\"C\",\"level\":9}");
    assertThat(sale.kind()).isEqualTo(MovementKind.SALE);
    assertThat(sale.channel()).isEqualTo("pos");
    assertThat(returned.kind()).isEqualTo(MovementKind.RETURN);
    assertThat(count.onHand()).isEqualTo(9);
  }

  @Test
  void aValueTheEnumDoesNotListIsAnErrorNamingTheField() {
    assertThat(errors(FEED, "{" + BASE + ",\"kind\":\"X\",\"n\":1}"))
        .containsExactly(
            "type (from kind): \"X\" is not in the enum (C, R, S) and the field has no enumDefault");
  }

  @Test
  void anEnumDefaultTakesValuesTheEnumDoesNotList() {
    var sale =
        (StockMovement) event(FEED, "{" + BASE + ",\"kind\":\"S\",\"n\":1,\"ch\":\"PHONE\"}");
    assertThat(sale.channel()).isEqualTo("other");
  }

  @Test
  void fieldsTheChosenKindNeedsAreStillRequiredByThePosRules() {
    assertThat(errors(FEED, "{" + BASE + ",\"kind\":\"C\"}"))
        .containsExactly("onHand (from level): is required");
  }

  @Test
  void anEnumCanGiveNumbers() {
    var mapping =
        compile(
            """
            {"fields": [
              {"target": "type", "transforms": [{"constant": "receipt"}]},
              {"target": "eventId", "source": "id"},
              {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
              {"target": "locationId", "source": "store"},
              {"target": "sku", "source": "sku"},
              {"target": "qty", "source": "pack", "enum": {"single": 1, "dozen": 12}}
            ]}""");
    var receipt = (StockMovement) event(mapping, "{" + BASE + ",\"pack\":\"dozen\"}");
    assertThat(receipt.qty()).isEqualTo(12);
  }
}
