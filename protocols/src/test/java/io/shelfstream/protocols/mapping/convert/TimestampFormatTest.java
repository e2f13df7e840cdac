package io.shelfstream.protocols.mapping.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats read values as {@code DateTimeFormatter.parseBest} did before their fast paths. */
class TimestampFormatTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Property(tries = 2000)
  void isoReadsAsParseBest(@ForAll("isoTexts") String text) {
    assertSameAsParseBest("iso", DateTimeFormatter.ISO_DATE_TIME, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-29T02:30:00", // in Paris's spring gap
        "2026-10-25T02:30:00", // in Paris's autumn overlap
        "2026-03-01T09:15:00",
        "2026-03-01T09:15:00.5",
        "2026-03-01T09:15:00.123456789",
        "2026-03-01T09:15:00.1234567890",
        "2026-03-01T09:15:00.",
        "2026-03-01T09:15",
        "2026-03-01t09:15:00",
        "2026-03-01T09:15:00Z",
        "2026-03-01T09:15:00z",
        "2026-03-01T09:15:00+01:00",
        "2026-03-01T09:15:00+01:00[Europe/Paris]",
        "2026-03-01T09:15:00+19:00",
        "2026-03-01T09:15:00+0100",
        "+12026-03-01T09:15:00",
        "2026-02-30T09:15:00",
        "2026-03-01T24:00:00",
        "2026-03-01",
        "2026-03-01 09:15:00",
        "yesterday",
        ""
      })
  void isoReadsOddTextsAsParseBest(String text) {
    assertSameAsParseBest("iso", DateTimeFormatter.ISO_DATE_TIME, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yyyy-MM-dd",
        "dd.MM.yyyy HH:mm",
        "yyyy-MM-dd'T'HH:mm:ssXXX",
        "yyyy-MM-dd HH:mm VV",
        "yyyyMMddHHmmss"
      })
  void patternsReadAsParseBest(String pattern) {
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    for (ZonedDateTime at :
        new ZonedDateTime[] {
          ZonedDateTime.of(2026, 3, 1, 9, 15, 30, 0, PARIS),
          ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneOffset.UTC),
          ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneId.of("America/New_York"))
        }) {
      assertSameAsParseBest(pattern, formatter, formatter.format(at));
    }
    assertSameAsParseBest(pattern, formatter, "2026-02-30");
    assertSameAsParseBest(pattern, formatter, "not a time");
  }

  @Provide
  Arbitrary<String> isoTexts() {
    Arbitrary<LocalDateTime> times =
        Arbitraries.longs()
            .between(
                Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-01-01T00:00:00Z").getEpochSecond())
            .map(seconds -> LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<String> offsets =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.just("Z"),
            Arbitraries.integers()
                .between(-18 * 4, 18 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900).getId()));
    return Combinators.combine(times, nanos, offsets)
        .as((time, nano, offset) -> time.withNano(nano) + offset);
  }

  private static void assertSameAsParseBest(String name, DateTimeFormatter formatter, String text) {
    TimestampFormat format = TimestampFormat.of(name);
    for (ZoneId zone : new ZoneId[] {PARIS, ZoneOffset.UTC, ZoneId.of("Asia/Kolkata")}) {
      assertThat(outcome(() -> format.read(TextNode.valueOf(text), zone)))
          .as("%s read as %s in %s", text, name, zone)
          .isEqualTo(outcome(() -> parseBest(formatter, text, zone)));
    }
  }

  /** How TimestampFormat read a value before: with parseBest. */
  private static Object parseBest(DateTimeFormatter formatter, String text, ZoneId zone) {
    TemporalAccessor parsed =
        formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime();
    }
    if (parsed instanceof LocalDateTime local) {
      return local.atZone(zone).toOffsetDateTime();
    }
    return ((LocalDate) parsed).atStartOfDay(zone).toOffsetDateTime();
  }

  /** The value read, or "not read" where TimestampRule takes the value for another format. */
  private static Object outcome(java.util.function.Supplier<Object> read) {
    try {
      return read.get();
    } catch (DateTimeException | ArithmeticException | ValueProblem notThisFormat) {
      return "not read";
    }
  }
}
