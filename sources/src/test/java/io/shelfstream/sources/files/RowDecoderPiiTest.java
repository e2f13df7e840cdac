package io.shelfstream.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.pii.PiiKey;
import io.shelfstream.sources.files.csv.CsvFields;
import io.shelfstream.sources.files.csv.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** A CSV row that fails keeps its line in the dead letters with its pii cells masked. */
class RowDecoderPiiTest {
  private static final String MAPPING =
      """
      {"fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "occurredAt", "source": "date", "formats": ["iso", "yyyy-MM-dd"], "zone": "UTC"},
        {"target": "locationId", "transforms": [{"constant": "WEB"}]},
        {"target": "sku", "source": "product_id"},
        {"target": "qty", "source": "quantity_sold"},
        {"target": "customerSegment", "source": "customer_segment"},
        {"target": "promotionCode", "source": "email", "pii": "hash"}
      ]}""";

  private final RowDecoder decoder = decoder();

  private static RowDecoder decoder() {
    var options = MappingOptions.withPiiKey(PiiKey.of("file-key-0123456789abcdef"));
    var mapping =
        ((CompileResult.Compiled) Mapping.compile(MAPPING, "sales-feed", options)).mapping();
    var feed = new FileFeed("sales", "*.csv", mapping, List.of());
    var decoder =
        new RowDecoder("s.csv", "v1", feed, new CsvFields((byte) ';', (byte) '"'), "sales-feed");
    assertThat(decoder.header(record(1, "date;product_id;quantity_sold;customer_segment;email")))
        .isEmpty();
    return decoder;
  }

  private static RawRecord record(long line, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new RawRecord(line, 1, 0, ByteString.fromArray(bytes), bytes.length, null);
  }

  private static String raw(List<Decoded<RowPosition>> decoded) {
    return ((Decoded.Invalid<RowPosition>) decoded.get(0)).raw();
  }

  @Test
  void aFailedRowKeepsItsLineWithTheEmailMasked() {
    var failed = decoder.decode(record(2, "2025-01-15;SKU-1;two;loyalty;\"ann;x\"@example.com"));
    var shortRow = decoder.decode(record(3, "2025-01-15;SKU-1;ann@example.com"));
    var longRow = decoder.decode(record(4, "2025-01-15;SKU-1;1;loyalty;a@b.c;ann@example.com"));
    var broken = decoder.decode(record(5, "2025-01-15;SKU-1;1;loyalty;\"ann@example.com"));

    assertThat(raw(failed)).isEqualTo("2025-01-15;SKU-1;two;loyalty;***");
    assertThat(raw(shortRow)).isEqualTo("2025-01-15;SKU-1;ann@example.com");
    assertThat(raw(longRow)).isEqualTo("2025-01-15;SKU-1;1;loyalty;***;***");
    assertThat(raw(broken)).startsWith("*** (a record of").doesNotContain("ann@");
  }

  @Test
  void aGoodRowGivesTheHashAndTheSegmentAsTheyAre() {
    var decoded = decoder.decode(record(2, "2025-01-15;SKU-1;1;loyalty;ann@example.com"));

    assertThat(decoded.get(0)).as(decoded.toString()).isInstanceOf(Decoded.Valid.class);
    String event = ((Decoded.Valid<RowPosition>) decoded.get(0)).event().toString();
    assertThat(event)
        .contains("loyalty")
        .contains(PiiKey.of("file-key-0123456789abcdef").hash("ann@example.com"))
        .doesNotContain("ann@");
  }
}
