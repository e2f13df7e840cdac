package io.shelfstream.protocols.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.event.StoreUpdate;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.time.EventTimes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The streaming PosLineParser decides every line as the tree-based parser it replaced ({@link
 * TreePosLineParser}) did: the same event, or the same rejection with the same errors in the same
 * order, and the same exception where that parser threw one.
 */
class PosLineParserProperties {
  private static final String HEAD =
      "\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\"";

  @Property(tries = 3000)
  void decidesEveryLineAsTheTreeParserDid(
      @ForAll("lines") byte[] line,
      @ForAll("fallbackEventIds") String fallbackEventId,
      @ForAll("defaultSources") String defaultSource) {
    assertSameOutcome(line, fallbackEventId, defaultSource);
  }

  /**
   * Whatever a sender sends, the parser answers without throwing, and an event it accepts can be
   * kept: its text is well-formed Unicode without NUL (so the journal, PostgreSQL and JSON answers
   * can hold it) and its time is within the range every later step can compute with. A rejection
   * names a field and a reason for each problem.
   */
  @Property(tries = 3000)
  void acceptsOnlyWhatCanBeKeptAndNamesWhyItRejects(@ForAll("lines") byte[] line) {
    ParseResult result = new PosLineParser().parse(line);
    if (result instanceof ParseResult.Parsed parsed) {
      RetailEvent event = parsed.event();
      List<String> texts = new ArrayList<>(List.of(event.eventId(), event.source()));
      if (event instanceof StockMovement movement) {
        texts.add(movement.key().locationId());
        texts.add(movement.key().sku());
        texts.add(Objects.toString(movement.channel(), ""));
        texts.add(Objects.toString(movement.reason(), ""));
      } else if (event instanceof StockCount count) {
        texts.add(count.key().locationId());
        texts.add(count.key().sku());
      } else if (event instanceof StoreUpdate store) {
        texts.add(store.storeId());
        texts.addAll(store.fields().values());
      }
      assertThat(texts).allSatisfy(text -> assertThat(TextRules.problem(text)).isEmpty());
      assertThat(EventTimes.problem(event.occurredAt())).isEmpty();
    } else {
      var rejected = (ParseResult.Rejected) result;
      assertThat(rejected.errors())
          .isNotEmpty()
          .allSatisfy(
              error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.reason()).isNotBlank();
              });
    }
  }

  @Example
  void aLineNestedThousandsOfLevelsDeepIsRejectedNotAStackOverflow() {
    for (String nested : List.of("[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(5000))) {
      String line = "{\"type\":\"sale\",\"meta\":" + nested + "}";
      var result = new PosLineParser().parse(line);
      assertThat(result).isInstanceOf(ParseResult.Rejected.class);
      assertThat(((ParseResult.Rejected) result).reason()).startsWith("line: not valid JSON");
    }
  }

  @Example
  void decidesTheEdgeCasesAsTheTreeParserDid() {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "",
            " \r\n",
            "{}",
            "{\"a\":1} {\"b\":2}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":2}}",
            "{\"a\":1} x",
            "{\"a\":1}]",
            "{\"a\":1} null",
            "{\"a\":1}\n",
            "{\"a\":1}//",
            "[] []",
            "[]",
            "[1,2",
            "\"x\"",
            "\"x",
            "3",
            "3 4",
            "null",
            "true",
            "{",
            "{\"a\":",
            "{\"a\":1,}",
            "{\"a\":NaN}",
            "{\"a\":01}",
            "\ufeff{\"a\":1}",
            "{\"ev\\u0065ntId\":\"e\",\"eventId\":\"f\"}",
            "{\"a\":1,\"b\":2,\"c\":3,\"a\":4}",
            "{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}",
            "[{\"a\":1,\"a\":2}]",
            "{\"x\":" + "1".repeat(1001) + "}"));
    for (String price :
        words(
            "4.99 1e3 0.1 12345678901234567890.5 1.0E10 0.5 -0.0 5 -0 12345678901234567890 1e-400"
                + " -1e-400 -0.5 -1e300 1e400 -1e400 \"4.99\" true null [] {\"a\":[1,2.50,{\"b\":\""
                + "c".repeat(50)
                + "\"}]}")) {
      lines.add("{\"type\":\"sale\"," + HEAD + ",\"qty\":1,\"unitPrice\":" + price + "}");
    }
    for (String qty :
        words(
            "1 0 -0 -1 1.0 1e2 5.5 1000000000 1000000001 -1000000000 -1000000001 9223372036854775807"
                + " -9223372036854775808 9223372036854775808 -99999999999999999999 1e400 -1e400"
                + " \"5\" false null {} [1.0,\"a\",null,{\"x\":1e400}]")) {
      lines.add("{\"type\":\"sale\"," + HEAD + ",\"qty\":" + qty + "}");
      lines.add("{\"type\":\"adjustment\"," + HEAD + ",\"qty\":" + qty + ",\"reason\":\"r\"}");
      lines.add("{\"type\":\"count\"," + HEAD + ",\"onHand\":" + qty + "}");
    }
    for (String line : lines) {
      assertSameOutcome(utf8(line), null, PosLineParser.DEFAULT_SOURCE);
    }
    // a lead byte cut short after a known field's array: the error names the array's END_ARRAY
    byte[] cutAfterArray = concat(utf8("{\"unitPrice\":[1],"), new byte[] {(byte) 0xC3});
    assertSameOutcome(cutAfterArray, null, PosLineParser.DEFAULT_SOURCE);
  }

  private static void assertSameOutcome(byte[] line, String fallbackEventId, String source) {
    Object expected = outcome(() -> new TreePosLineParser(source).parse(line, fallbackEventId));
    Object actual = outcome(() -> new PosLineParser(source).parse(line, fallbackEventId));
    if (duplicateNameBeforeInvalidJson(expected, actual)) {
      return;
    }
    assertThat(actual).as(abbreviated(line)).isEqualTo(expected);
  }

  /**
   * The one way the streaming parser names a different JSON error: a repeated field name followed
   * by something that is not JSON, or not UTF-8 ({@code {"a":1,"a":n} or a line cut off after the
   * name). Jackson
   * checked every name as it read it; PosLineParser checks a line's fields once Jackson hands it
   * the name, which Jackson does only after reading the start of its value. Both reject the line
   * as not valid JSON, naming one of its two faults.
   */
  private static boolean duplicateNameBeforeInvalidJson(Object expected, Object actual) {
    return expected instanceof ParseResult.Rejected tree
        && actual instanceof ParseResult.Rejected streaming
        && tree.reason().startsWith("line: not valid JSON (Duplicate field ")
        && (streaming.reason().startsWith("line: not valid JSON (")
            || streaming.reason().equals("line: not valid UTF-8"))
        && tree.errors().size() == 1
        && streaming.errors().size() == 1;
  }

  /**
   * The result, or what was thrown: neither should throw, and a throw must show as a difference.
   */
  private static Object outcome(Supplier<ParseResult> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return "threw " + e;
    }
  }

  private static String abbreviated(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + line.length + " bytes)" : text;
  }

  @Provide
  Arbitrary<String> fallbackEventIds() {
    return Arbitraries.of("kafka:t:0:42").injectNull(0.5);
  }

  @Provide
  Arbitrary<String> defaultSources() {
    return Arbitraries.of(PosLineParser.DEFAULT_SOURCE, "kafka-eu");
  }

  @Provide
  Arbitrary<byte[]> lines() {
    Arbitrary<byte[]> objects =
        Arbitraries.oneOf(objects(false), objects(true)).map(PosLineParserProperties::utf8);
    return Arbitraries.frequencyOf(
        Tuple.of(3, objects(false).map(PosLineParserProperties::utf8)),
        Tuple.of(3, objects(true).map(PosLineParserProperties::utf8)),
        Tuple.of(1, objects.flatMap(PosLineParserProperties::truncated)),
        Tuple.of(1, objects.flatMap(PosLineParserProperties::withInvalidUtf8)),
        Tuple.of(
            1,
            Combinators.combine(objects, Arbitraries.of(TRAILERS))
                .as((line, trailer) -> concat(line, utf8(trailer)))),
        Tuple.of(
            1,
            Arbitraries.oneOf(anyValue(), Arbitraries.of(TOPS))
                .map(PosLineParserProperties::utf8)));
  }

  private static final String[] TRAILERS = {
    " {}", "{\"b\":2}", " 1", " \"s\"", " null", " [", "]", "}", "x", "\n", "\r\n", " ", ",", "//c"
  };

  private static final String[] TOPS = {"", " ", "\n", "\ufeff{}", "{}", "[] []", "3 4", "\"x\" y"};

  /**
   * A top-level object with the fields of an event, in any order, and unknown fields. Its known
   * fields hold valid values, or when {@code noisy} often any value at all.
   */
  private static Arbitrary<String> objects(boolean noisy) {
    int noise = noisy ? 2 : 0;
    List<Arbitrary<List<String>>> fields = new ArrayList<>();
    fields.add(field("type", types(noisy), 0.95, noise));
    fields.add(field("eventId", ids(noisy), 0.85, noise));
    fields.add(field("source", texts(noisy), 0.4, noise));
    fields.add(field("occurredAt", timestamps(noisy), 0.95, noise));
    fields.add(field("locationId", ids(noisy), 0.95, noise));
    fields.add(field("sku", ids(noisy), 0.95, noise));
    fields.add(field("onHand", noisy ? numbers() : quantities(), 0.9, noise));
    fields.add(field("qty", noisy ? numbers() : quantities(), 0.9, noise));
    fields.add(field("unitPrice", noisy ? numbers() : prices(), 0.5, noise));
    fields.add(field("channel", texts(noisy), 0.3, noise));
    fields.add(field("reason", texts(noisy), 0.8, noise));
    fields.add(field("storeId", ids(noisy), 0.9, noise));
    fields.add(field("name", texts(noisy), 0.5, noise));
    fields.add(field("address", texts(noisy), 0.3, noise));
    fields.add(field("timezone", zones(noisy), 0.4, noise));
    fields.add(field("status", texts(noisy), 0.3, noise));
    // "ev\\u0065ntId" is "eventId" once unescaped, and so a duplicate key when eventId is there too
    Arbitrary<String> unknownName =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.of("asn", "meta", "x", "EventId", "qty ", "note\\n")),
            Tuple.of(1, Arbitraries.just("ev\\u0065ntId")));
    Arbitrary<String> unknownValue =
        Arbitraries.frequencyOf(Tuple.of(8, anyValue()), Tuple.of(1, hugeStrings()));
    Arbitrary<List<String>> unknown =
        Combinators.combine(unknownName, unknownValue)
            .as((name, value) -> quoted(name) + ":" + value)
            .list()
            .ofMaxSize(3)
            .uniqueElements(entry -> entry.substring(0, entry.indexOf("\":") + 1));
    Arbitrary<Boolean> duplicated =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(true)), Tuple.of(15, Arbitraries.just(false)));
    return Combinators.combine(
            Combinators.combine(fields).as(PosLineParserProperties::flat), unknown, duplicated)
        .as(
            (known, extra, duplicate) -> {
              List<String> all = new ArrayList<>(known);
              all.addAll(extra);
              if (duplicate && !all.isEmpty()) {
                all.add(all.get(0));
              }
              return all;
            })
        .flatMap(Arbitraries::shuffle)
        .map(entries -> entries.stream().collect(Collectors.joining(",", "{", "}")))
        // jqwik's edge cases of these combinations are mostly the same few unshuffled lines
        .withoutEdgeCases();
  }

  private static List<String> flat(List<List<String>> lists) {
    return lists.stream().flatMap(List::stream).toList();
  }

  /** {@code "name":value} with a value for the field or, now and then, any value; or nothing. */
  private static Arbitrary<List<String>> field(
      String name, Arbitrary<String> values, double present, int noise) {
    Arbitrary<String> value =
        Arbitraries.frequencyOf(Tuple.of(20, values), Tuple.of(noise, anyValue()));
    return value
        .map(v -> List.of(quoted(name) + ":" + v))
        .injectNull(1 - present)
        .map(entry -> entry == null ? List.<String>of() : entry);
  }

  /** Valid values, and when {@code noisy} as often values the field does not accept. */
  private static Arbitrary<String> validOrNot(
      boolean noisy, Arbitrary<String> valid, Arbitrary<String> invalid) {
    return noisy ? Arbitraries.oneOf(valid, invalid) : valid;
  }

  private static Arbitrary<String> types(boolean noisy) {
    return validOrNot(
            noisy,
            Arbitraries.of("count", "sale", "return", "receipt", "adjustment", "store"),
            Arbitraries.of("refund", "SALE", "", " ", "x".repeat(33)))
        .map(PosLineParserProperties::quoted);
  }

  private static Arbitrary<String> ids(boolean noisy) {
    return validOrNot(
            noisy,
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('-', '_')
                .ofMinLength(1)
                .ofMaxLength(12),
            Arbitraries.of(
                "",
                " ",
                "S|1",
                "a\\u0001b",
                "x".repeat(128),
                "x".repeat(129),
                "\\ud83d\\uded2",
                "\\ud83d",
                "a\\udc00",
                "a\\u0000b"))
        .map(PosLineParserProperties::quoted);
  }

  private static Arbitrary<String> texts(boolean noisy) {
    Arbitrary<String> valid =
        Arbitraries.oneOf(
            Arbitraries.of(
                    "till-7",
                    "store",
                    "shrink",
                    "open",
                    "caf\\u00e9",
                    "\\\"quoted\\\"",
                    "x".repeat(32))
                .map(PosLineParserProperties::quoted),
            Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(10)
                .map(PosLineParserProperties::quoted));
    Arbitrary<String> invalid =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(10).map(PosLineParserProperties::escaped),
            Arbitraries.of(
                    "",
                    " ",
                    "\\t",
                    "x".repeat(33),
                    "x".repeat(64),
                    "x".repeat(65),
                    "x".repeat(512),
                    "x".repeat(513),
                    "bad \\ud83d name",
                    "\\udc00",
                    "x\\u0000y")
                .map(PosLineParserProperties::quoted));
    return validOrNot(noisy, valid, invalid);
  }

  private static Arbitrary<String> timestamps(boolean noisy) {
    return validOrNot(
            noisy,
            Arbitraries.of(
                "2026-03-01T09:00:00Z",
                "2026-03-01T08:00:00+01:00",
                "2026-03-01T08:00:00.123456789-05:30",
                "2026-03-01T08:00Z",
                "2026-03-01T08:00:00+18:00"),
            Arbitraries.of(
                "2026-03-01T08:00:00.1234567891Z",
                "2026-03-01T08:00:00+19:00",
                "2026-02-30T08:00:00Z",
                "2026-03-01T08:00:00",
                "2026-03-01 08:00",
                "",
                "x".repeat(65),
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z"))
        .map(PosLineParserProperties::quoted);
  }

  private static Arbitrary<String> zones(boolean noisy) {
    return validOrNot(
            noisy,
            Arbitraries.of("Europe/Paris", "+01:00", "UTC", "Z", "GMT+2"),
            Arbitraries.of("Mars/Olympus", "", "+25:00"))
        .map(PosLineParserProperties::quoted);
  }

  private static Arbitrary<String> quantities() {
    return Arbitraries.integers().between(-20, 1_000).map(String::valueOf);
  }

  private static Arbitrary<String> prices() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "4.99", "0.1", "1e3", "5", "0", "1.0E10", "0.5", "123.4500", "12345678901234567890.5"),
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, BigDecimal.valueOf(10_000))
            .ofScale(2)
            .map(BigDecimal::toPlainString));
  }

  /** Numbers written as senders write them, including ones no event accepts. */
  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            words(
                "0 -0 1 2 -5 1000000000 1000000001 -1000000000 -1000000001 2147483648"
                    + " 9223372036854775807 -9223372036854775808 9223372036854775808"
                    + " 99999999999999999999 -99999999999999999999 1.0 5.5 -0.0 4.99 0.1 1e3 1E+3 1e-7"
                    + " 1.0E10 0.5 123.4500 12345678901234567890.5 -12345678901234567890.5 1e400 -1e400"
                    + " 1e-400 \"5\" \"4.99\"")),
        quantities(),
        prices(),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.bigDecimals().ofScale(4).map(BigDecimal::toPlainString));
  }

  /** Any JSON value, nested a little. */
  private static Arbitrary<String> anyValue() {
    return Arbitraries.lazyOf(
        () ->
            Arbitraries.of("null", "true", "false", "{}", "[]", "0", "-1", "1.5", "1e400", "\"\""),
        PosLineParserProperties::numbers,
        () -> texts(true),
        () ->
            anyValue()
                .list()
                .ofMaxSize(3)
                .map(values -> String.join(",", values))
                .map(v -> "[" + v + "]"),
        () ->
            Combinators.combine(Arbitraries.strings().alpha().ofLength(2), anyValue())
                .as((name, value) -> quoted(name) + ":" + value)
                .list()
                .ofMaxSize(3)
                .map(entries -> String.join(",", entries))
                .map(v -> "{" + v + "}"));
  }

  private static Arbitrary<String> hugeStrings() {
    return Arbitraries.integers().between(1_000, 65_536).map(n -> quoted("y".repeat(n)));
  }

  private static Arbitrary<byte[]> truncated(byte[] line) {
    return Arbitraries.integers().between(0, line.length).map(end -> Arrays.copyOf(line, end));
  }

  private static final int[][] INVALID_UTF8 = {
    {0xC3, 0x28},
    {0xE2, 0x28, 0xA1},
    {0xF0, 0x90, 0x28, 0xBC},
    {0x80},
    {0xFF},
    {0xC0, 0xAF},
    {0xED, 0xA0, 0x80},
    {0xF8, 0x88, 0x80, 0x80, 0x80},
    {0xC3},
    {0xE2, 0x82},
    {0xF0, 0x9F, 0x98}
  };

  /** The line with a bad byte sequence spliced in somewhere, inside a string or not. */
  private static Arbitrary<byte[]> withInvalidUtf8(byte[] line) {
    return Combinators.combine(
            Arbitraries.integers().between(0, line.length), Arbitraries.of(INVALID_UTF8))
        .as(
            (at, bad) -> {
              byte[] out = new byte[line.length + bad.length];
              System.arraycopy(line, 0, out, 0, at);
              for (int i = 0; i < bad.length; i++) {
                out[at + i] = (byte) bad[i];
              }
              System.arraycopy(line, at, out, at + bad.length, line.length - at);
              return out;
            });
  }

  private static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  private static String quoted(String jsonEscapedText) {
    return "\"" + jsonEscapedText + "\"";
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
