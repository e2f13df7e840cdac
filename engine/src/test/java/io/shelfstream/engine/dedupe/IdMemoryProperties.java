package io.shelfstream.engine.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.dedupe.IdMemory.Entry;
import io.shelfstream.engine.policy.Stamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * IdMemory forgets lazily (it drops the forgotten entries in bulk): what it remembers must still be
 * exactly what the rules say after every single add, whatever the order of event times, and the
 * characters it counts without visiting them must be those of what it remembers.
 */
class IdMemoryProperties {

  @Property(tries = 300)
  void remembersExactlyWhatTheRulesKeepAfterEveryAdd(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 600) Integer> minutes,
      @ForAll @IntRange(min = 0, max = 40) int maxIds,
      @ForAll @IntRange(min = 1, max = 300) int windowMinutes) {
    var settings = new DedupeSettings(Duration.ofMinutes(windowMinutes), maxIds);
    var memory = new IdMemory();
    List<Entry> expected = new ArrayList<>();
    for (int i = 0; i < minutes.size(); i++) {
      String eventId = "e" + i;
      OffsetDateTime at = Instant.EPOCH.plusSeconds(60L * minutes.get(i)).atOffset(ZoneOffset.UTC);
      memory.add(new Stamp("pos", eventId, at), settings);
      addByTheRules(expected, new Entry("pos", eventId, at.toInstant().toEpochMilli()), settings);

      assertThat(memory.entries()).containsExactlyElementsOf(expected);
      assertThat(memory.size()).isEqualTo(expected.size());
      long characters =
          expected.stream().mapToLong(e -> e.source().length() + e.eventId().length()).sum();
      assertThat(memory.textLength()).isEqualTo(characters);
      assertThat(memory.copy().textLength()).isEqualTo(characters);
      for (int j = 0; j <= i; j++) {
        String id = "e" + j;
        boolean kept = expected.stream().anyMatch(entry -> entry.eventId().equals(id));
        assertThat(memory.contains("pos", id)).as("remembers %s", id).isEqualTo(kept);
      }
      assertThat(memory.contains("other-source", eventId)).isFalse();
    }
  }

  /** The rules, written the plain way: ordered by time (ties in arrival order), then trimmed. */
  private static void addByTheRules(List<Entry> entries, Entry entry, DedupeSettings settings) {
    int at = entries.size();
    while (at > 0 && entries.get(at - 1).epochMilli() > entry.epochMilli()) {
      at--;
    }
    entries.add(at, entry);
    long oldestKept = entries.get(entries.size() - 1).epochMilli() - settings.window().toMillis();
    while (!entries.isEmpty()
        && (entries.size() > settings.maxIds() || entries.get(0).epochMilli() < oldestKept)) {
      entries.remove(0);
    }
  }

  /**
   * What exact dedupe rests on: an id the memory answers NEW for was never added, and one it
   * answers SEEN for was; an id it forgot is never NEW, so the entity asks the index for it.
   */
  @Property(tries = 300)
  void neverTakesAnIdItForgotForANewOne(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 600) Integer> minutes,
      @ForAll @IntRange(min = 0, max = 20) int maxIds,
      @ForAll @IntRange(min = 1, max = 120) int windowMinutes,
      @ForAll boolean throughASnapshot) {
    var settings = new DedupeSettings(Duration.ofMinutes(windowMinutes), maxIds);
    var memory = new IdMemory();
    List<Long> added = new ArrayList<>();
    for (int i = 0; i < minutes.size(); i++) {
      long at = 60_000L * minutes.get(i);
      memory.add(
          new Stamp("pos", "e" + i, Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC)), settings);
      added.add(at);
    }
    if (throughASnapshot) {
      memory = new IdMemory(memory.entries(), memory.forgottenThrough());
    }
    for (int j = 0; j < added.size(); j++) {
      // a redelivery carries the time it was sent with (one with another time: see BatchIntake)
      assertThat(memory.recall("pos", "e" + j, added.get(j))).isNotEqualTo(IdMemory.Recall.NEW);
    }
    for (int minute = 0; minute <= 600; minute += 7) {
      IdMemory.Recall never = memory.recall("pos", "never-" + minute, 60_000L * minute);
      assertThat(never).isNotEqualTo(IdMemory.Recall.SEEN);
      if (60_000L * minute > memory.forgottenThrough()) {
        assertThat(never).isEqualTo(IdMemory.Recall.NEW);
      }
    }
  }

  @Property(tries = 100)
  void aMemoryFromASnapshotThatDidNotKeepWhatItForgotAssumesTheWorst(
      @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 600) Integer> minutes,
      @ForAll @IntRange(min = 0, max = 10) int maxIds) {
    var settings = new DedupeSettings(Duration.ofMinutes(60), maxIds);
    var memory = new IdMemory();
    for (int i = 0; i < minutes.size(); i++) {
      memory.add(
          new Stamp(
              "pos", "e" + i, Instant.ofEpochSecond(60L * minutes.get(i)).atOffset(ZoneOffset.UTC)),
          settings);
    }
    var old = new IdMemory(memory.entries());
    old.assumeForgottenThrough(minutes.size() - memory.size());
    assertThat(old.forgottenThrough()).isGreaterThanOrEqualTo(memory.forgottenThrough());
    for (int i = 0; i < minutes.size(); i++) {
      assertThat(old.recall("pos", "e" + i, 60_000L * minutes.get(i)))
          .isNotEqualTo(IdMemory.Recall.NEW);
    }
  }
}
