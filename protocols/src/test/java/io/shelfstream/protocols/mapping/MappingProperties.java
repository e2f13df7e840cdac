package io.shelfstream.protocols.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.protocols.time.EventTimes;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a sender's record holds, a valid mapping answers without throwing: events that can be
 * kept, or errors that each name a target, a source and a reason. And compiling never throws on any
 * spec.
 */
class MappingProperties {
  private static final List<Mapping> MAPPINGS =
      List.of(
          Mappings.compile(DocExamples.block("mapping", "till-export")),
          Mappings.compile(DocExamplesTest.ORDERS),
          Mappings.compile(
              """
              {"fields": [
                {"target": "type", "source": "kind", "transforms": ["trim", "upper"],
                 "enum": {"S": "sale", "R": "return", "C": "count", "M": "store"},
                 "enumDefault": "adjustment"},
                {"target": "occurredAt", "source": "t", "formats": ["epochMillis", "iso",
                 "dd/MM/yyyy HH:mm:ss"], "zone": "Europe/Paris"},
                {"target": "source", "source": "Shop"},
                {"target": "locationId", "source": "store", "transforms": [{"concat":
                  {"parts": [{"source": "order.created_at"}, {"constant": "x"}]}}]},
                {"target": "sku", "source": "sku", "transforms": ["lower"]},
                {"target": "qty", "source": "n", "transforms": [{"multiply": "1e-2"}]},
                {"target": "onHand", "source": "level", "type": "decimal", "enum": {"1": 1},
                 "enumDefault": 0},
                {"target": "unitPrice", "source": "price", "type": "integer"},
                {"target": "channel", "source": "refund", "type": "boolean",
                 "enum": {"true": "a", "false": "b"}},
                {"target": "reason", "source": "ch", "default": "shrink"},
                {"target": "storeId", "source": "store"},
                {"target": "name", "source": "name"},
                {"target": "timezone", "source": "EAN"}
              ]}"""));

  private static final List<Mapping> GOOD_RECORD_MAPPINGS =
      List.of(MAPPINGS.get(1), MAPPINGS.get(2));

  private static final List<JsonNode> GOOD_RECORDS =
      List.of(
          Mappings.json(DocExamples.block("record", "orders")),
          Mappings.json(
              """
              {"kind": " s ", "t": 1772355600000, "Shop": "erp", "store": "S1",
               "order": {"created_at": "Z"}, "sku": "A", "n": 100, "level": "1", "price": 5,
               "refund": true, "ch": "x", "name": "Shop", "EAN": "Europe/Paris"}"""));

  @Property(tries = 1000)
  void aValidMappingAnswersEveryJsonRecord(
      @ForAll("mappings") Mapping mapping, @ForAll("trees") JsonNode tree) {
    assertAnswered(mapping.apply(Record.json(tree)));
  }

  /**
   * Records close to good ones, with up to three values replaced or removed anywhere in them, so
   * that both outcomes are exercised, and checked to be.
   */
  @Property(tries = 500)
  void aValidMappingAnswersEveryVariantOfAGoodRecord(
      @ForAll("goodRecords") int which, @ForAll("mutations") List<Mutation> mutations) {
    JsonNode tree = GOOD_RECORDS.get(which).deepCopy();
    mutations.forEach(mutation -> mutation.applyTo(tree));
    MappingResult result = GOOD_RECORD_MAPPINGS.get(which).apply(Record.json(tree));
    assertAnswered(result);
    Statistics.label("outcome").collect(result.getClass().getSimpleName());
    Statistics.label("outcome")
        .coverage(
            outcomes -> {
              outcomes.check("Mapped").count(n -> n > 0);
              outcomes.check("Failed").count(n -> n > 0);
            });
  }

  /** Any valid mapping, not only those above, answers any record. */
  @Property(tries = 1000)
  void everyValidMappingAnswersEveryJsonRecord(
      @ForAll("validSpecs") String spec, @ForAll("trees") JsonNode tree) {
    CompileResult compiled = Mapping.compile(spec, "erp");
    assertThat(compiled).as(spec).isInstanceOf(CompileResult.Compiled.class);
    assertAnswered(((CompileResult.Compiled) compiled).mapping().apply(Record.json(tree)));
  }

  @Provide
  Arbitrary<String> validSpecs() {
    return ArbitraryMappings.specs();
  }

  @Property(tries = 500)
  void aValidMappingAnswersEveryCsvRow(
      @ForAll("mappings") Mapping mapping, @ForAll("rows") Map<String, String> row) {
    assertAnswered(mapping.apply(Record.row(row)));
  }

  @Property(tries = 1000)
  void compilingAnswersEverySpec(@ForAll("specs") JsonNode spec) {
    CompileResult result = Mapping.compile(spec, "erp");
    if (result instanceof CompileResult.Invalid invalid) {
      assertThat(invalid.problems())
          .allSatisfy(problem -> assertThat(problem.problem()).isNotBlank());
    }
  }

  private static void assertAnswered(MappingResult result) {
    if (result instanceof MappingResult.Mapped mapped) {
      for (RetailEvent event : mapped.events()) {
        assertThat(TextRules.problem(event.eventId())).isEmpty();
        assertThat(EventTimes.problem(event.occurredAt())).isEmpty();
      }
    } else {
      assertThat(((MappingResult.Failed) result).errors())
          .allSatisfy(
              error -> {
                assertThat(error.target()).isNotBlank();
                assertThat(error.source()).isNotBlank();
                assertThat(error.reason()).isNotBlank();
              });
    }
  }

  @Provide
  Arbitrary<Integer> goodRecords() {
    return Arbitraries.integers().between(0, GOOD_RECORDS.size() - 1);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<JsonNode> replacement =
        Arbitraries.oneOf(ArbitraryJson.scalars(), ArbitraryJson.objects(1));
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 1000),
            replacement.injectNull(0.3))
        .as(Mutation::new)
        .list()
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<Mapping> mappings() {
    return Arbitraries.of(MAPPINGS);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return ArbitraryJson.objects(3);
  }

  @Provide
  Arbitrary<Map<String, String>> rows() {
    return Arbitraries.maps(ArbitraryJson.keys(), ArbitraryJson.texts()).ofMaxSize(12);
  }

  /** Trees whose keys are those of a mapping spec, with values of every shape. */
  @Provide
  Arbitrary<JsonNode> specs() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "fields",
                "each",
                "target",
                "source",
                "type",
                "required",
                "default",
                "enum",
                "enumDefault",
                "transforms",
                "formats",
                "zone",
                "multiply",
                "concat",
                "constant",
                "parts",
                "separator",
                "qty",
                "sku",
                "occurredAt",
                "timestamp",
                "iso",
                "trim"),
            ArbitraryJson.keys());
    return ArbitraryJson.objects(4, keys);
  }
}
