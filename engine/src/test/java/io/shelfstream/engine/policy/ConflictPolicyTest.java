package io.shelfstream.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConflictPolicyTest {
  private final SourceRanking ranking = new SourceRanking(List.of("erp", "wms", "pos"));

  private static Versioned<String> value(String value, String source, String eventId, String at) {
    return new Versioned<>(value, new Stamp(source, eventId, OffsetDateTime.parse(at)));
  }

  private static Map<String, Versioned<String>> latest(List<Versioned<String>> values) {
    Map<String, Versioned<String>> bySource = new HashMap<>();
    values.forEach(v -> bySource.put(v.stamp().source(), v));
    return bySource;
  }

  @Test
  void lastWriteWinsTakesTheLaterInstantWhateverTheOffset() {
    var policy = new ConflictPolicy.LastWriteWins(ranking);
    var paris = value("paris", "pos", "a", "2026-03-01T10:30:00+01:00"); // 09:30Z
    var utc = value("utc", "erp", "b", "2026-03-01T09:00:00Z");
    assertThat(policy.choose(latest(List.of(paris, utc)))).contains(paris);
  }

  @Test
  void lastWriteWinsBreaksTiesBySourceRankThenEventIdThenSource() {
    var policy = new ConflictPolicy.LastWriteWins(ranking);
    var erp = value("erp", "erp", "a", "2026-03-01T10:00:00+01:00");
    var pos = value("pos", "pos", "z", "2026-03-01T09:00:00Z");
    assertThat(policy.choose(latest(List.of(pos, erp)))).contains(erp);

    var unlistedA = value("a", "ecom", "id-9", "2026-03-01T09:00:00Z");
    var unlistedB = value("b", "amazon", "id-1", "2026-03-01T09:00:00Z");
    assertThat(policy.choose(latest(List.of(unlistedA, unlistedB)))).contains(unlistedA);

    var sameId1 = value("x", "ecom", "id", "2026-03-01T09:00:00Z");
    var sameId2 = value("y", "amazon", "id", "2026-03-01T09:00:00Z");
    assertThat(policy.choose(latest(List.of(sameId1, sameId2)))).contains(sameId1);
  }

  @Test
  void sourcePriorityTakesALowerSourceOnlyWhenTheHigherIsStale() {
    var policy = new ConflictPolicy.SourcePriority(ranking, Duration.ofHours(24));
    var erp = value("erp", "erp", "e", "2026-03-01T00:00:00Z");
    var posFresh = value("pos", "pos", "p", "2026-03-01T23:00:00Z");
    assertThat(policy.choose(latest(List.of(erp, posFresh)))).contains(erp);

    var posExactlyStale = value("pos", "pos", "p", "2026-03-02T00:00:00Z");
    assertThat(policy.choose(latest(List.of(erp, posExactlyStale)))).contains(erp);

    var posNewer = value("pos", "pos", "p", "2026-03-02T00:00:01Z");
    assertThat(policy.choose(latest(List.of(erp, posNewer)))).contains(posNewer);
  }

  @Test
  void sourcePriorityWalksTheRankingDownFromTheChosenValue() {
    var policy = new ConflictPolicy.SourcePriority(ranking, Duration.ofHours(1));
    var erp = value("erp", "erp", "e", "2026-03-01T00:00:00Z");
    var wms = value("wms", "wms", "w", "2026-03-01T00:30:00Z"); // not stale enough
    var pos = value("pos", "pos", "p", "2026-03-01T01:10:00Z"); // newer than erp + 1h
    assertThat(policy.choose(latest(List.of(erp, wms, pos)))).contains(pos);

    var wmsLater = value("wms", "wms", "w", "2026-03-01T01:05:00Z"); // replaces erp
    assertThat(policy.choose(latest(List.of(erp, wmsLater, pos)))).contains(wmsLater);
  }

  @Test
  void sourcePriorityWithOnlyUnlistedSourcesWalksThemByName() {
    var policy = new ConflictPolicy.SourcePriority(ranking, Duration.ZERO);
    var a = value("a", "amazon", "1", "2026-03-01T00:00:00Z");
    var b = value("b", "ecom", "2", "2026-03-01T00:00:00Z");
    assertThat(policy.choose(latest(List.of(b, a)))).contains(a);
  }

  @Test
  void noValueChoosesNothing() {
    assertThat(
            new ConflictPolicy.LastWriteWins(ranking).choose(Map.<String, Versioned<String>>of()))
        .isEmpty();
    assertThat(
            new ConflictPolicy.SourcePriority(ranking, Duration.ZERO)
                .choose(Map.<String, Versioned<String>>of()))
        .isEmpty();
  }
}
