package io.shelfstream.protocols.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shelfstream.protocols.mapping.layout.Layout;
import io.shelfstream.protocols.mapping.layout.LayoutOptions;
import io.shelfstream.protocols.mapping.record.Record;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes mapping specs as an integration's body brings them: the documented and built-in specs
 * broken as text (cut, spliced with what breaks JSON) and as trees (any value anywhere, huge
 * numbers, deep nesting, bad text). Compiling never throws: a mapping, or problems that each name a
 * field; and a mapping that compiles answers records without throwing. Tries: {@code
 * jqwik.tries.default} (DEVELOPERS.md, Fuzzing).
 */
class MappingSpecFuzz {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> SEEDS = seeds();

  /** A row and a record holding what the seeds read, so that compiled variants map something. */
  private static final Map<String, String> ROW =
      Map.ofEntries(
          Map.entry("date", "2026-03-01"),
          Map.entry("product_id", "P1"),
          Map.entry("channel", "online"),
          Map.entry("quantity_sold", "2"),
          Map.entry("revenue", "9.98"),
          Map.entry("location", "S001"),
          Map.entry("stock_level", "12"),
          Map.entry("external_demand", "high"),
          Map.entry("Movement", "VTE"),
          Map.entry("Ticket No.", "T1"),
          Map.entry("Line", "1"),
          Map.entry("Date", "01/03/2026 09:15:00"),
          Map.entry("Shop", "S001"),
          Map.entry("EAN", "4006381333931"),
          Map.entry("Qty", "2"),
          Map.entry("Price (cents)", "499"),
          Map.entry("Channel", "pos"));

  private static final JsonNode ORDER = Mappings.json(DocExamples.block("record", "orders"));

  private static final List<String> TOKENS =
      List.of(
          "\"",
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "null",
          "\\",
          "\\u",
          "\\ud800",
          "\u0000",
          "\ufeff",
          "1".repeat(1200),
          "1e999999999",
          "-1e-999999999",
          "9223372036854775808",
          "NaN",
          "[".repeat(1500),
          "{\"a\":".repeat(600),
          "\"" + "x".repeat(20_000) + "\"",
          "\"fields\": [],",
          "\"target\": \"qty\",",
          "\"each\": \"lines\",",
          "\"formats\": [\"yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSX\", \"iso\"],",
          "\"zone\": \"Mars/Olympus\",",
          "\"multiply\": 1e999999999",
          "\"source\": \"a..b[-1].c\",",
          "\"source\": \"" + "a.".repeat(500) + "a\",");

  @Property
  void compilingAnswersEverySpecText(@ForAll("specTexts") String text) {
    assertAnswered(Mapping.compile(text, "erp"));
  }

  @Property
  void compilingAnswersEverySpecTree(@ForAll("specTrees") JsonNode spec) {
    assertAnswered(Mapping.compile(spec, "erp"));
  }

  /** Found by the fuzz: quoting the bad value wrote the whole tree, past Jackson's depth limit. */
  @Example
  void aValueNestedPastJacksonsWriteLimitIsNamedNotThrownOn() {
    JsonNode spec = Mappings.json(SEEDS.get(0));
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec.get("fields").get(0))
        .set("type", deep(1005));
    CompileResult result = Mapping.compile(spec, "erp");
    assertThat(result).isInstanceOf(CompileResult.Invalid.class);
    assertThat(((CompileResult.Invalid) result).problems().get(0).problem()).contains("[[[[");
  }

  private static void assertAnswered(CompileResult result) {
    Statistics.label("compiled").collect(result instanceof CompileResult.Compiled);
    Statistics.label("compiled").coverage(coverage -> coverage.check(true).count(n -> n > 0));
    if (result instanceof CompileResult.Invalid invalid) {
      assertThat(invalid.problems())
          .allSatisfy(
              problem -> {
                assertThat(problem.field()).isNotBlank();
                assertThat(problem.problem()).isNotBlank();
              });
      return;
    }
    Mapping mapping = ((CompileResult.Compiled) result).mapping();
    for (MappingResult mapped :
        List.of(mapping.apply(Record.row(ROW)), mapping.apply(Record.json(ORDER.deepCopy())))) {
      if (mapped instanceof MappingResult.Failed failed) {
        assertThat(failed.errors()).allSatisfy(error -> assertThat(error.reason()).isNotBlank());
      } else {
        assertThat(((MappingResult.Mapped) mapped).events()).doesNotContainNull();
      }
    }
  }

  @Provide
  Arbitrary<String> specTexts() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<TextEdit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of(TOKENS))
            .as(TextEdit::new);
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(5))
                .as(
                    (text, edits) -> {
                      String out = text;
                      for (TextEdit e : edits) {
                        out = e.applyTo(out);
                      }
                      return out;
                    })),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
        Tuple.of(
            1,
            Arbitraries.strings()
                .withChars("{}[]\":,0123456789.eE-+ \\utrnalsf")
                .ofMaxLength(200)));
  }

  /** Inserts, replaces, deletes or cuts off at a position taken modulo the text's length. */
  private record TextEdit(int kind, int at, int span, String token) {
    String applyTo(String text) {
      int from = at % (text.length() + 1);
      int to = Math.min(text.length(), from + span);
      return switch (kind) {
        case 0 -> text.substring(0, from) + token + text.substring(from);
        case 1 -> text.substring(0, from) + token + text.substring(to);
        case 2 -> text.substring(0, from) + text.substring(to);
        default -> text.substring(0, from);
      };
    }
  }

  @Provide
  Arbitrary<JsonNode> specTrees() {
    List<JsonNode> troublemakerList =
        List.of(
            NODES.numberNode(new BigDecimal("1e999999999")),
            NODES.numberNode(new BigDecimal("-1e-999999999")),
            NODES.numberNode(new BigDecimal("1".repeat(400))),
            NODES.numberNode(Double.NaN),
            NODES.numberNode(Double.POSITIVE_INFINITY),
            NODES.numberNode(Long.MIN_VALUE),
            NODES.textNode("\ud800"),
            NODES.textNode("a\u0000b"),
            NODES.textNode("x".repeat(20_000)),
            NODES.textNode("a.".repeat(500) + "a"),
            NODES.textNode("lines[*].x"),
            NODES.textNode("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSX"),
            deep(990),
            NODES.missingNode(),
            NODES.nullNode());
    // by index: jqwik hashes the values of Arbitraries.of, and a deep tree's hash recurses deep
    Arbitrary<JsonNode> troublemakers =
        Arbitraries.integers()
            .between(0, troublemakerList.size() - 1)
            .map(i -> troublemakerList.get(i).deepCopy());
    Arbitrary<JsonNode> replacement =
        Arbitraries.frequencyOf(
            Tuple.of(3, ArbitraryJson.scalars()),
            Tuple.of(1, ArbitraryJson.objects(2)),
            Tuple.of(2, troublemakers));
    Arbitrary<List<Mutation>> mutations =
        Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000),
                replacement.injectNull(0.2))
            .as(Mutation::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4);
    return Combinators.combine(Arbitraries.of(SEEDS), mutations)
        .as(
            (seed, edits) -> {
              JsonNode tree = Mappings.json(seed);
              edits.forEach(edit -> edit.applyTo(tree));
              return tree;
            });
  }

  /** An array nested {@code depth} deep, as deep as Jackson reads from a body (1000 at most). */
  private static JsonNode deep(int depth) {
    JsonNode node = NODES.arrayNode();
    for (int i = 0; i < depth; i++) {
      node = NODES.arrayNode().add(node);
    }
    return node;
  }

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    seeds.add(DocExamples.block("mapping", "till-export"));
    seeds.add(DocExamples.block("mapping", "orders"));
    LayoutOptions options = new LayoutOptions("erp", ZoneId.of("Europe/Paris"), "S001");
    for (Layout layout : Layout.values()) {
      seeds.add(layout.spec(options).toString());
    }
    return List.copyOf(seeds);
  }
}
