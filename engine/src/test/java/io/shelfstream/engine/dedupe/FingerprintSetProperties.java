package io.shelfstream.engine.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FingerprintSetProperties {

  /** Small keys collide in the array often, so probing and growing are exercised. */
  @Property(tries = 300)
  void holdsWhatWasAddedAndNothingElse(
      @ForAll @Size(max = 3000) List<@LongRange(min = -5000, max = 5000) Long> added,
      @ForAll @Size(max = 200) List<@LongRange(min = -6000, max = 6000) Long> probes) {
    var set = new FingerprintSet();
    Set<Long> expected = new HashSet<>();
    for (long key : added) {
      set.add(key);
      expected.add(key == 0 ? 1 : key); // 0 marks an empty slot: it is kept as 1
    }
    assertThat(set.size()).isEqualTo(expected.size());
    for (long key : added) {
      assertThat(set.mightContain(key)).isTrue();
    }
    for (long probe : probes) {
      assertThat(set.mightContain(probe)).isEqualTo(expected.contains(probe == 0 ? 1 : probe));
    }
    set.clear();
    assertThat(set.size()).isZero();
    for (long key : added) {
      assertThat(set.mightContain(key)).isFalse();
    }
  }
}
