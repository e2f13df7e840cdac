package io.shelfstream.engine.fuzz;

import static io.shelfstream.engine.fuzz.ByteMutations.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.Line;
import io.shelfstream.engine.ingest.LineFraming;
import io.shelfstream.engine.ingest.PosLines;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Fuzzes POS NDJSON bodies through {@link LineFraming} and {@link PosLines} (the HTTP route's and
 * the file source's path into PosLineParser): whatever the bytes and however they are cut, every
 * line becomes an event or a rejection naming its reason, nothing throws, and what is kept of a
 * line stays within its limit. Tries: {@code jqwik.tries.default} (DEVELOPERS.md, Fuzzing).
 */
class PosBodyFuzz {
  private static final ActorSystem SYSTEM = ActorSystem.create("PosBodyFuzz");

  /** A hex dump of a kept line: "hex:" and two digits a byte. */
  private static final int MAX_RAW_CHARS = 4 + 2 * PosLines.MAX_LINE_BYTES;

  private static final List<String> VALID_LINES =
      List.of(
          "{\"eventId\":\"e1\",\"type\":\"sale\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
              + "\"locationId\":\"S001\",\"sku\":\"A\",\"qty\":2,\"unitPrice\":4.99,"
              + "\"channel\":\"pos\",\"revenue\":9.98,\"customerSegment\":\"vip\"}",
          "{\"eventId\":\"e2\",\"type\":\"count\",\"occurredAt\":\"2026-03-01T08:00:00+01:00\","
              + "\"locationId\":\"S001\",\"sku\":\"A\",\"onHand\":12,\"reserved\":1,\"inTransit\":0}",
          "{\"eventId\":\"e3\",\"type\":\"adjustment\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
              + "\"locationId\":\"S001\",\"sku\":\"A\",\"qty\":-3,\"reason\":\"shrink\"}",
          "{\"eventId\":\"e4\",\"type\":\"store\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
              + "\"storeId\":\"S001\",\"name\":\"Caf\\u00e9 \\\"Nord\\\"\",\"timezone\":\"Europe/Paris\"}",
          "{\"eventId\":\"e5\",\"type\":\"receipt\",\"source\":\"erp\","
              + "\"occurredAt\":\"2026-03-01T09:00:00.123456789-05:30\",\"locationId\":\"W1\","
              + "\"sku\":\"B-2\",\"qty\":100,\"asn\":{\"lines\":[1,2,{\"x\":null}]}}",
          "{\"eventId\":\"e6\",\"type\":\"demand\",\"occurredAt\":\"2026-03-01\","
              + "\"productId\":\"P1\",\"externalDemand\":\"high\"}");

  /** What breaks JSON parsers: huge numbers, deep nesting, bad text, lines past the limit. */
  private static final List<byte[]> TOKENS = tokens();

  @AfterContainer
  static void stop() {
    SYSTEM.terminate();
  }

  @Property
  void everyLineIsAnEventOrANamedRejection(
      @ForAll("bodies") byte[] body, @ForAll @IntRange(min = 1, max = 70_000) int chunkSize)
      throws Exception {
    PosLines pos = new PosLines("pos");
    List<Line> lines = frame(pos.framing(), body, chunkSize);
    assertThat(lines).isEqualTo(model(body, PosLines.MAX_LINE_BYTES));
    for (Line line : lines) {
      assertThat(line.bytes().size()).isLessThanOrEqualTo(PosLines.MAX_LINE_BYTES);
      Decoded<Long> decoded = pos.decode(line);
      Statistics.label("line").collect(decoded.getClass().getSimpleName());
      assertThat(decoded.position()).isEqualTo(line.number());
      assertThat(decoded.where()).isEqualTo("line " + line.number());
      if (decoded instanceof Decoded.Valid<Long> valid) {
        assertThat(valid.event()).isNotNull();
        assertThat(line.overlong()).isFalse();
      } else {
        var invalid = (Decoded.Invalid<Long>) decoded;
        assertThat(invalid.reason()).isNotBlank().contains(": ");
        assertThat(invalid.source()).isNotBlank();
        assertThat(invalid.raw().length()).isLessThanOrEqualTo(MAX_RAW_CHARS);
      }
    }
    bothOutcomesCome();
  }

  private static void bothOutcomesCome() {
    Statistics.label("line")
        .coverage(
            lines -> {
              lines.check("Valid").count(n -> n > 0);
              lines.check("Invalid").count(n -> n > 0);
            });
  }

  /** Small limits, so that overlong lines and their ends across chunks come often. */
  @Property
  void framesEveryBodyAsSplittingItOnLineFeeds(
      @ForAll("bodies") byte[] body,
      @ForAll @IntRange(min = 1, max = 64) int chunkSize,
      @ForAll @IntRange(min = 1, max = 48) int maxLineBytes)
      throws Exception {
    assertThat(frame(new LineFraming(maxLineBytes), body, chunkSize))
        .isEqualTo(model(body, maxLineBytes));
  }

  private static List<Line> frame(LineFraming framing, byte[] body, int chunkSize)
      throws Exception {
    List<ByteString> chunks =
        ByteMutations.chunks(body, chunkSize).stream().map(ByteString::fromArray).toList();
    // a hang shows as a timeout, not as a build that never ends
    return Source.from(chunks)
        .via(framing)
        .runWith(Sink.seq(), SYSTEM)
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  /**
   * The lines as the docs define them: split on LF, one CR before it dropped, and a line longer
   * than the limit (its CR included) kept as its first bytes and its length.
   */
  static List<Line> model(byte[] body, int maxLineBytes) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      boolean lineFeed = i < body.length && body[i] == '\n';
      if (!lineFeed && (i < body.length || start == body.length)) {
        continue;
      }
      int length = i - start;
      long number = lines.size() + 1;
      if (length > maxLineBytes) {
        ByteString kept = ByteString.fromArray(body, start, maxLineBytes);
        lines.add(new Line(number, kept, length, true));
      } else {
        int end = lineFeed && length > 0 && body[i - 1] == '\r' ? i - 1 : i;
        lines.add(
            new Line(number, ByteString.fromArray(body, start, end - start), end - start, false));
      }
      start = i + 1;
    }
    return lines;
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> valid = Arbitraries.of(VALID_LINES).map(ByteMutations::utf8);
    Arbitrary<byte[]> line =
        Arbitraries.frequencyOf(
            Tuple.of(2, valid),
            Tuple.of(6, ByteMutations.mutated(valid, TOKENS, 4)),
            Tuple.of(2, ByteMutations.anyBytes(300, "{}[]\":,0123456789.eE-+ \\utrnalsfx\r\n")));
    Arbitrary<byte[]> ending = Arbitraries.of(utf8("\n"), utf8("\r\n"), utf8(""), utf8("\r"));
    return net.jqwik.api.Combinators.combine(line.list().ofMinSize(0).ofMaxSize(6), ending)
        .as(
            (parts, end) -> {
              ByteArrayOutputStream body = new ByteArrayOutputStream();
              for (int i = 0; i < parts.size(); i++) {
                body.writeBytes(parts.get(i));
                body.writeBytes(i < parts.size() - 1 ? utf8("\n") : end);
              }
              return body.toByteArray();
            });
  }

  private static List<byte[]> tokens() {
    List<byte[]> tokens = new ArrayList<>(ByteMutations.INVALID_UTF8);
    for (String text :
        List.of(
            "1".repeat(1200),
            "1e999999999",
            "-1e-999999999",
            "1E+2147483648",
            "9223372036854775808",
            "-0.0",
            "NaN",
            "Infinity",
            "[".repeat(2000),
            "{\"a\":".repeat(1200),
            "[".repeat(900) + "]".repeat(900),
            "\"\\ud800\"",
            "\"a\\udc00b\"",
            "\\u0000",
            "\"\u0000\"",
            "\u0000",
            "\"" + "x".repeat(70_000) + "\"",
            "\"" + "\u00e9".repeat(600) + "\"",
            "\"" + "\\\"".repeat(300) + "\"",
            "\ufeff",
            "\n",
            "\r\n",
            "\r",
            "null",
            ",",
            ":",
            "\"eventId\":\"dup\",",
            "\"qty\":",
            "\"type\":\"sale\"",
            "\"occurredAt\":\"+999999999-12-31T23:59:59Z\",",
            "\"timezone\":\"Mars/Olympus\",")) {
      tokens.add(utf8(text));
    }
    tokens.add(Arrays.copyOf(utf8("\"x\""), 2));
    return List.copyOf(tokens);
  }
}
