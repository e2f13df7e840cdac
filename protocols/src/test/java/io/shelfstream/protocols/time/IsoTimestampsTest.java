package io.shelfstream.protocols.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

  @Property(tries = 2000)
  void sameValueAsOffsetDateTimeParse(@ForAll("timestamps") String text) {
    assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @Provide
  Arbitrary<String> timestamps() {
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(
                Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-01-01T00:00:00Z").getEpochSecond())
            .map(Instant::ofEpochSecond);
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<ZoneOffset> offsets =
        Arbitraries.integers()
            .between(-18 * 4, 18 * 4)
            .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900));
    return Combinators.combine(instants, nanos, offsets)
        .as((instant, nano, offset) -> instant.plusNanos(nano).atOffset(offset).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T09:15:00Z",
        "2026-03-01T09:15:00.5+01:00",
        "2026-03-01T09:15:00.123456789-05:30",
        "2026-03-01T09:15Z",
        "2026-03-01t09:15:00z",
        "2026-03-01T09:15:00+01:00:30",
        "+12026-03-01T09:15:00Z",
        "2024-02-29T23:59:59.000Z",
        "2026-03-01T09:15:00.Z"
      })
  void acceptsWhatOffsetDateTimeAccepts(String text) {
    assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T09:15:00Z",
        "2026-13-01T09:15:00Z",
        "2026-03-01T24:15:00Z",
        "2026-03-01T09:15:00",
        "2026-03-01T09:15:00+19:00",
        "2026-03-01T09:15:00.1234567890Z",
        "2026-03-01 09:15:00Z",
        "2026-03-01T09:15:00+0100",
        "yesterday"
      })
  void rejectsWhatOffsetDateTimeRejects(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void keepsTheOffsetTheSourceSent() {
    assertThat(IsoTimestamps.parse("2026-03-01T09:15:00+01:00").getOffset())
        .isEqualTo(ZoneOffset.ofHours(1));
  }
}
