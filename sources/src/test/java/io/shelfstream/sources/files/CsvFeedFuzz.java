package io.shelfstream.sources.files;

import static io.shelfstream.engine.fuzz.ByteMutations.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.fuzz.ByteMutations;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.layout.Layout;
import io.shelfstream.protocols.mapping.layout.LayoutOptions;
import io.shelfstream.sources.files.csv.CsvFields;
import io.shelfstream.sources.files.csv.RawRecord;
import io.shelfstream.sources.files.csv.RecordFramer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.pekko.util.ByteString;

/**
 * Fuzzes CSV files through what a file source does with them: {@link RecordFramer}, {@link
 * CsvFields} and {@link RowDecoder} with each built-in layout and a custom mapping. Whatever the
 * bytes and however they are cut, nothing throws, the framer numbers lines without gap, keeps
 * offsets within the file and no more than its limit of a record, and every record after the header
 * ends as events or as a rejection naming its line and reasons. Tries: {@code jqwik.tries.default}
 * (DEVELOPERS.md, Fuzzing).
 */
class CsvFeedFuzz {
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private static final String CUSTOM_SPEC =
      """
      {"fields": [
        {"target": "type", "source": "kind", "transforms": ["trim", "lower"],
         "enum": {"s": "sale", "r": "return", "c": "count"}, "enumDefault": "adjustment"},
        {"target": "occurredAt", "source": "at", "required": true,
         "formats": ["iso", "dd/MM/yyyy HH:mm:ss", "epochMillis"], "zone": "Europe/Paris"},
        {"target": "locationId", "source": "store", "required": true, "transforms": ["trim"]},
        {"target": "sku", "source": "sku", "required": true},
        {"target": "qty", "source": "qty", "transforms": [{"multiply": "0.01"}]},
        {"target": "onHand", "source": "qty", "type": "integer", "default": 0},
        {"target": "unitPrice", "source": "price", "type": "decimal"},
        {"target": "reason", "source": "kind", "default": "shrink"}
      ]}""";

  /** A feed and a file of it that reads without error. */
  private record Sample(FileFeed feed, String csv) {}

  private static final List<Sample> SAMPLES =
      List.of(
          new Sample(
              layoutFeed(Layout.SALES),
              """
              date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,fulfillment_method
              2026-03-01,P1,online,2,9.98,vip,,ship
              2026-03-01T10:00:00,"P,2",POS,1,"4.5",,SPRING,
              """),
          new Sample(
              layoutFeed(Layout.INVENTORY),
              """
              date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date
              2026-03-01,P1,S001,12,1,0,SUP1,2026-02-01
              2026-03-02,"P \"\"big\"\"",W1,0,,,,
              """),
          new Sample(
              layoutFeed(Layout.DEMAND_SIGNALS),
              """
              date,product_id,external_demand,market_trend,competitor_price,weather_factor,event_impact,social_sentiment
              2026-03-01,P1,High,up,4.99,rain,none,0.3
              2026-03-02,P2,low,,,,,
              """),
          new Sample(
              customFeed(),
              """
              kind,at,store,sku,qty,price
              s,2026-03-01T09:00:00Z,S001,A,200,4.99
              c,01/03/2026 09:15:00,S001,"multi
              line",12,
              r,1772355600000,S002,B,100,0
              """));

  /** What breaks CSV readers: quotes, separators, line ends, non-UTF-8, values past limits. */
  private static final List<byte[]> TOKENS = tokens();

  @Property
  void everyRecordIsEventsOrANamedRejection(
      @ForAll("files") Tuple.Tuple2<Sample, byte[]> file,
      @ForAll("delimiters") Delimiter delimiter,
      @ForAll @IntRange(min = 1, max = 4096) int chunkSize,
      @ForAll("recordLimits") int maxRecordBytes) {
    byte[] bytes = withDelimiter(file.get2(), delimiter);
    List<RawRecord> records = frame(bytes, chunkSize, maxRecordBytes);
    assertFramed(records, bytes.length, maxRecordBytes);

    Statistics.label("record")
        .coverage(
            outcomes -> {
              outcomes.check("Valid").count(n -> n > 0);
              outcomes.check("Invalid").count(n -> n > 0);
            });
    FileFeed feed = file.get1().feed();
    RowDecoder decoder =
        new RowDecoder("f.csv", "1@0", feed, new CsvFields(delimiter.value(), (byte) '"'), "erp");
    for (RawRecord record : records) {
      if (!decoder.hasHeader()) {
        Optional<String> refused = decoder.header(record);
        if (refused.isPresent()) {
          assertThat(refused.get()).startsWith("header (line ");
          assertRejection(decoder.refusedHeader(record, refused.get()), record);
          return; // a file source stops at a refused header, and so does this
        }
        continue;
      }
      List<Decoded<RowPosition>> decoded = decoder.decode(record);
      decoded.forEach(one -> Statistics.label("record").collect(one.getClass().getSimpleName()));
      assertThat(decoded.isEmpty()).isEqualTo(record.isBlank());
      for (int i = 0; i < decoded.size(); i++) {
        Decoded<RowPosition> one = decoded.get(i);
        assertThat(one.position().line()).isEqualTo(record.line());
        assertThat(one.position().endOffset()).isEqualTo(record.endOffset());
        assertThat(one.position().lastOfRecord()).isEqualTo(i == decoded.size() - 1);
        if (one instanceof Decoded.Valid<RowPosition> valid) {
          assertThat(valid.event()).isNotNull();
        } else {
          assertThat(decoded).hasSize(1);
          assertRejection(one, record);
        }
      }
    }
  }

  /** The framer alone, with the smallest limits, on any bytes and any quote. */
  @Property
  void framesAnyBytesWithinItsLimits(
      @ForAll("anyFiles") byte[] bytes,
      @ForAll @IntRange(min = 1, max = 64) int chunkSize,
      @ForAll @IntRange(min = 1, max = 32) int maxRecordBytes) {
    assertFramed(frame(bytes, chunkSize, maxRecordBytes), bytes.length, maxRecordBytes);
  }

  private static List<RawRecord> frame(byte[] bytes, int chunkSize, int maxRecordBytes) {
    RecordFramer framer = new RecordFramer((byte) '"', maxRecordBytes, 0, 1);
    List<RawRecord> records = new ArrayList<>();
    for (byte[] chunk : ByteMutations.chunks(bytes, chunkSize)) {
      records.addAll(framer.offer(ByteString.fromArray(chunk)));
    }
    records.addAll(framer.finish());
    return records;
  }

  /**
   * Lines follow on without gap from 1, each record ends after the previous one and within the
   * file, the last at its end (all of it is read), and no record keeps more than the limit.
   */
  private static void assertFramed(List<RawRecord> records, long size, int maxRecordBytes) {
    long nextLine = 1;
    long previousEnd = 0;
    for (RawRecord record : records) {
      assertThat(record.line()).isEqualTo(nextLine);
      assertThat(record.lines()).isPositive();
      assertThat(record.endOffset()).isGreaterThan(previousEnd).isLessThanOrEqualTo(size);
      assertThat(record.bytes().size()).isLessThanOrEqualTo(maxRecordBytes);
      assertThat(record.length()).isGreaterThanOrEqualTo(record.bytes().size());
      if (record.problem() != null) {
        assertThat(record.problem()).isNotBlank();
      }
      nextLine = record.line() + record.lines();
      previousEnd = record.endOffset();
    }
    if (!records.isEmpty()) {
      assertThat(previousEnd).isEqualTo(size);
    }
  }

  private static void assertRejection(Decoded<RowPosition> decoded, RawRecord record) {
    var invalid = (Decoded.Invalid<RowPosition>) decoded;
    assertThat(invalid.where())
        .startsWith("file f.csv line")
        .contains(String.valueOf(record.line()));
    assertThat(invalid.reason()).isNotBlank();
    assertThat(invalid.position().reasons())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(invalid.raw().length()).isLessThanOrEqualTo(4 + 2 * RawText.MAX_KEPT_BYTES);
    assertThat(invalid.position().raw().length()).isLessThanOrEqualTo(RowDecoder.REPORT_RAW_CHARS);
    assertThat(invalid.recordKey()).endsWith(":" + record.line());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Sample, byte[]>> files() {
    return Arbitraries.of(SAMPLES)
        .flatMap(
            sample -> {
              Arbitrary<byte[]> valid = Arbitraries.just(utf8(sample.csv()));
              return Arbitraries.frequencyOf(
                      Tuple.of(1, valid),
                      Tuple.of(6, ByteMutations.mutated(valid, TOKENS, 5)),
                      Tuple.of(1, withRandomRows(sample.csv())))
                  .map(bytes -> Tuple.of(sample, bytes));
            });
  }

  /** The sample's header, then arbitrary rows. */
  private static Arbitrary<byte[]> withRandomRows(String csv) {
    byte[] header = utf8(csv.substring(0, csv.indexOf('\n') + 1));
    return ByteMutations.anyBytes(400, "\",\n\r;ab1.-: ")
        .map(
            rows -> {
              byte[] out = new byte[header.length + rows.length];
              System.arraycopy(header, 0, out, 0, header.length);
              System.arraycopy(rows, 0, out, header.length, rows.length);
              return out;
            });
  }

  @Provide
  Arbitrary<byte[]> anyFiles() {
    return Arbitraries.oneOf(
        ByteMutations.anyBytes(300, "\"\n\r,a\u00ef\u00bb\u00bf"),
        ByteMutations.mutated(
            Arbitraries.of(SAMPLES).map(sample -> utf8(sample.csv())), TOKENS, 8));
  }

  @Provide
  Arbitrary<Delimiter> delimiters() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Delimiter.COMMA)),
        Tuple.of(1, Arbitraries.of(Delimiter.class)));
  }

  @Provide
  Arbitrary<Integer> recordLimits() {
    return Arbitraries.of(16, 64, 4096, 1024 * 1024);
  }

  /** The file with its commas as {@code delimiter}, as a feed of that delimiter writes it. */
  private static byte[] withDelimiter(byte[] bytes, Delimiter delimiter) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == ',') {
        out[i] = delimiter.value();
      }
    }
    return out;
  }

  private static FileFeed layoutFeed(Layout layout) {
    Mapping mapping = layout.mapping(new LayoutOptions("erp", ZONE, "S001"));
    return new FileFeed(layout.layoutName(), "*.csv", mapping, layout.requiredColumns());
  }

  private static FileFeed customFeed() {
    CompileResult compiled = Mapping.compile(CUSTOM_SPEC, "erp");
    if (!(compiled instanceof CompileResult.Compiled ok)) {
      throw new IllegalStateException(((CompileResult.Invalid) compiled).reason());
    }
    return new FileFeed("till", "*.csv", ok.mapping(), FileFeeds.requiredColumns(ok.mapping()));
  }

  private static List<byte[]> tokens() {
    List<byte[]> tokens = new ArrayList<>(ByteMutations.INVALID_UTF8);
    for (String text :
        List.of(
            "\"",
            "\"\"",
            "\"\"\"",
            ",",
            ",,,,",
            ";",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            "\ufeff",
            "\u0000",
            "x".repeat(5000),
            "\"" + "y\n".repeat(300) + "\"",
            "1e999999999",
            "-1e-999999999",
            "99999999999999999999999",
            "9223372036854775808",
            "NaN",
            "2026-02-30",
            "+999999999-12-31",
            "31/12/9999 23:59:59",
            "99999999999999999",
            " ",
            "\\ud800",
            "\ud83d\uded2")) {
      tokens.add(utf8(text));
    }
    return List.copyOf(tokens);
  }
}
