package io.shelfstream.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PageLimitTest {
  private final PageLimit limit = new PageLimit(50, 1000);

  @Test
  void absentIsTheDefaultAndBoundsAreKept() {
    assertThat(limit.parse(Optional.empty())).isEqualTo(OptionalInt.of(50));
    assertThat(limit.parse(Optional.of("1"))).isEqualTo(OptionalInt.of(1));
    assertThat(limit.parse(Optional.of("1000"))).isEqualTo(OptionalInt.of(1000));
  }

  @Test
  void outOfBoundsOrNotAnIntegerIsRefused() {
    for (String bad : new String[] {"0", "-3", "1001", "ten", "", "99999999999"}) {
      assertThat(limit.parse(Optional.of(bad))).as(bad).isEmpty();
    }
    assertThat(limit.error()).isEqualTo("limit: must be an integer from 1 to 1000");
  }
}
