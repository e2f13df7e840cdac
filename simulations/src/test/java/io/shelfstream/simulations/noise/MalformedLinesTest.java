package io.shelfstream.simulations.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.testing.WireValidator;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MalformedLinesTest {

  private static final SimEvent COUNT =
      new Count(
          "c-1",
          "pos",
          OffsetDateTime.parse("2026-03-01T08:00:00+01:00"),
          new StockKey("S001", "3760040000008"),
          5);
  private static final SimEvent STORE =
      new StoreUpdate(
          "m-1",
          "erp",
          OffsetDateTime.parse("2026-03-01T05:00:00Z"),
          "S002",
          Map.of(StoreField.NAME, "Shelf"));

  @ParameterizedTest
  @EnumSource(MalformedKind.class)
  void everyKindBreaksTheWireFormat(MalformedKind kind) {
    MalformedLines lines = new MalformedLines();
    for (SimEvent basis : new SimEvent[] {COUNT, STORE}) {
      byte[] line = lines.build(kind, basis, "bad-1");
      assertThat(WireValidator.problems(line))
          .as("%s: %s", kind, new String(line, StandardCharsets.UTF_8))
          .isNotEmpty();
      assertThat(line).as("a line must not contain a newline").doesNotContain((byte) '\n');
    }
  }

  @ParameterizedTest
  @EnumSource(MalformedKind.class)
  void eachKindBreaksOnlyWhatItNames(MalformedKind kind) {
    byte[] line = new MalformedLines().build(kind, COUNT, "bad-1");
    // a kind that breaks the line as a whole must not also be a pile of field errors, and vice
    // versa
    boolean lineLevel =
        switch (kind) {
          case NOT_JSON, NOT_AN_OBJECT, TRAILING_GARBAGE, INVALID_UTF8, LINE_TOO_LONG -> true;
          default -> false;
        };
    assertThat(WireValidator.problems(line))
        .hasSize(1)
        .first()
        .asString()
        .startsWith(lineLevel ? "line:" : "");
  }
}
