package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.mapping.record.Record;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CSV row of a foreign layout: columns by name, as written, every value text. */
class CsvRowsTest {
  /** The CSV example of docs/mapping.md. */
  static final String TILL_EXPORT =
      """
      {"fields": [
        {"target": "type", "source": "Movement", "transforms": ["trim", "upper"],
         "enum": {"VTE": "sale", "RET": "return"}},
        {"target": "eventId", "source": "[\\"Ticket No.\\"]", "transforms": [
          {"concat": {"parts": [{"source": "Line"}], "separator": "/"}}]},
        {"target": "occurredAt", "source": "Date", "formats": ["dd/MM/yyyy HH:mm:ss"],
         "zone": "Europe/Paris"},
        {"target": "locationId", "source": "Shop", "transforms": [{"concat": {"parts":
          [{"constant": "FR"}], "separator": "-"}}]},
        {"target": "sku", "source": "EAN"},
        {"target": "qty", "source": "Qty"},
        {"target": "unitPrice", "source": "Price (cents)", "transforms": [{"multiply": 0.01}]},
        {"target": "channel", "source": "Channel", "default": "store"}
      ]}""";

  @Test
  void aForeignRowBecomesASale() {
    var mapping = compile(TILL_EXPORT);
    var row =
        Map.of(
            "Movement",
            " vte ",
            "Ticket No.",
            "T-881",
            "Line",
            "2",
            "Date",
            "01/03/2026 09:15:00",
            "Shop",
            "042",
            "EAN",
            "3017620422003",
            "Qty",
            "2",
            "Price (cents)",
            "349",
            "Channel",
            "");
    var sale = (StockMovement) events(mapping, Record.row(row)).get(0);
    assertThat(sale.kind()).isEqualTo(MovementKind.SALE);
    assertThat(sale.eventId()).isEqualTo("T-881/2");
    assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T09:15+01:00"));
    assertThat(sale.key().locationId()).isEqualTo("042-FR");
    assertThat(sale.key().sku()).isEqualTo("3017620422003");
    assertThat(sale.qty()).isEqualTo(2);
    assertThat(sale.unitPrice()).isEqualByComparingTo(new BigDecimal("3.49"));
    assertThat(sale.channel()).isEqualTo("store");
    assertThat(sale.source()).isEqualTo("erp");
  }

  @Test
  void aRowWithBadCellsNamesEveryOne() {
    var mapping = compile(TILL_EXPORT);
    var row =
        Map.of(
            "Movement",
            "RET",
            "Ticket No.",
            "T-1",
            "Date",
            "2026-03-01",
            "Shop",
            "042",
            "EAN",
            "",
            "Qty",
            "two");
    assertThat(errors(mapping, Record.row(row)))
        .containsExactly(
            "occurredAt (from Date): must be a timestamp as dd/MM/yyyy HH:mm:ss, got"
                + " \"2026-03-01\"",
            "qty (from Qty): must be an integer, got \"two\"",
            "sku (from EAN): is required");
  }

  @Test
  void aColumnNameWithDotsIsReadAsWritten() {
    var mapping =
        compile(
            """
            {"fields": [
              {"target": "type", "transforms": [{"constant": "count"}]},
              {"target": "eventId", "source": "id"},
              {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
              {"target": "locationId", "source": "store.code"},
              {"target": "sku", "source": "sku"},
              {"target": "onHand", "source": "on.hand"}
            ]}""");
    var row =
        Map.of(
            "id",
            "c1",
            "at",
            "2026-03-01T00:00:00Z",
            "store.code",
            "S",
            "sku",
            "A",
            "on.hand",
            "4");
    assertThat(events(mapping, Record.row(row))).hasSize(1);
  }
}
