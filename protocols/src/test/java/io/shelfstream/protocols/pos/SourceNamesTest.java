package io.shelfstream.protocols.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.pos.ParseResult.Parsed;
import org.junit.jupiter.api.Test;

class SourceNamesTest {
  private final PosLineParser parser = new PosLineParser();

  private String sourceOf(String line) {
    return ((Parsed) parser.parse(line)).event().source();
  }

  private static String sale(String id, String source) {
    return "{\"type\":\"sale\",\"eventId\":\""
        + id
        + "\",\"source\":\""
        + source
        + "\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}";
  }

  @Test
  void eventsOfOneSourceShareOneInstanceOfItsName() {
    String first = sourceOf(sale("e-1", "wms-north"));
    String second = sourceOf(sale("e-2", "wms-north"));
    assertThat(second).isEqualTo("wms-north").isSameAs(first);
  }

  @Test
  void pastItsBoundANameIsKeptAsGiven() {
    var names = new SourceNames();
    for (int n = 0; n < SourceNames.MAX_NAMES + 10; n++) {
      assertThat(names.canonical("flood-" + n)).isEqualTo("flood-" + n);
    }
    String late = new String("flood-late-name");
    assertThat(names.canonical(late)).isSameAs(late);
    assertThat(names.canonical(new String("flood-1"))).isSameAs(names.canonical("flood-1"));
  }
}
