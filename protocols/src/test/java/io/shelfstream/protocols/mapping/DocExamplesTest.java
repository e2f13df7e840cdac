package io.shelfstream.protocols.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.pii.PiiKey;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/mapping.md give the events the document says they give. */
class DocExamplesTest {
  static final String ORDERS = DocExamples.block("mapping", "orders");

  @Test
  void theTillExportRowGivesTheDocumentedSale() {
    var mapping = compile(DocExamples.block("mapping", "till-export"), "till");
    List<String> csv = DocExamples.block("csv", "till-export").lines().toList();
    String[] header = csv.get(0).split(";", -1);
    String[] cells = csv.get(1).split(";", -1);
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      row.put(header[i], cells[i]);
    }
    assertThat(events(mapping, Record.row(row)))
        .containsExactlyElementsOf(documented("till-export", "till"));
  }

  @Test
  void theNestedOrderGivesTheDocumentedSales() {
    var mapping = compile(ORDERS, "shop");
    var record = Mappings.record(DocExamples.block("record", "orders"));
    assertThat(events(mapping, record)).containsExactlyElementsOf(documented("orders", "shop"));
  }

  @Test
  void theCustomerEmailIsHashedAsDocumented() {
    var options = MappingOptions.withPiiKey(PiiKey.of("an-example-key-of-32-characters!"));
    var result = Mapping.compile(DocExamples.block("mapping", "customer-email"), "shop", options);
    var mapping = ((CompileResult.Compiled) result).mapping();
    var record = Mappings.record(DocExamples.block("record", "customer-email"));
    assertThat(events(mapping, record))
        .containsExactlyElementsOf(documented("customer-email", "shop"));
  }

  private static Mapping compile(String spec, String source) {
    var result = Mapping.compile(spec, source);
    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).mapping();
  }

  private static List<RetailEvent> events(Mapping mapping, Record record) {
    var result = mapping.apply(record);
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).events();
  }

  /** The documented POS lines, decoded by the POS parser. */
  private static List<RetailEvent> documented(String example, String source) {
    var parser = new PosLineParser(source);
    return Arrays.stream(DocExamples.block("events", example).split("\n"))
        .map(line -> ((ParseResult.Parsed) parser.parse(line)).event())
        .toList();
  }
}
