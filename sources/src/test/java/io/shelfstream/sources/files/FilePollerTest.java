package io.shelfstream.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.sources.files.directory.DirectoryStoreKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When listed files are ready: a settling file is asked to be looked at again once {@code
 * stable-for} has passed, not a poll interval later, and a file still growing is never ready.
 */
class FilePollerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final MovingClock clock = new MovingClock();

  private static FileSettings settings(String extra) {
    return FileSettings.of(
        new IntegrationSpec(
            "feeds",
            "sftp",
            "{\"type\": \"directory\", \"path\": \"/in\", \"zone\": \"UTC\", \"location\": \"S1\","
                + " \"files\": {\"sales\": \"DAILY_SALES_*.csv\"}, \"poll-interval\": \"15m\""
                + extra
                + "}"),
        new DirectoryStoreKind());
  }

  private static StoredFile file(String name, long size) {
    return new StoredFile(name, size, T0);
  }

  @Test
  void aNewFileIsRecheckedAfterStableForAndReadIfUnchanged() {
    FilePoller poller = new FilePoller(settings(", \"stable-for\": \"2s\""), clock);

    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 10)))).isEmpty();
    assertThat(poller.recheckIn()).contains(Duration.ofSeconds(2));

    clock.advance(Duration.ofSeconds(2));
    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 10))))
        .extracting(ready -> ready.file().name())
        .containsExactly("DAILY_SALES_1.csv");
    assertThat(poller.recheckIn()).isEmpty();
  }

  @Test
  void aFileStillGrowingIsNeverReadyAndIsRecheckedAgain() {
    FilePoller poller = new FilePoller(settings(", \"stable-for\": \"2s\""), clock);
    for (long size = 10; size <= 50; size += 10) {
      assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", size)))).isEmpty();
      assertThat(poller.recheckIn()).contains(Duration.ofSeconds(2));
      clock.advance(Duration.ofSeconds(2));
    }
    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 50)))).hasSize(1);
  }

  @Test
  void aRecheckComesWhenTheEarliestSettlingFileCanBeStable() {
    FilePoller poller = new FilePoller(settings(", \"stable-for\": \"2s\""), clock);
    poller.ready(List.of(file("DAILY_SALES_1.csv", 10)));
    clock.advance(Duration.ofMillis(500));

    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 10), file("DAILY_SALES_2.csv", 5))))
        .isEmpty();
    assertThat(poller.recheckIn()).contains(Duration.ofMillis(1500));
  }

  @Test
  void filesOfNoFeedAskForNoRecheck() {
    FilePoller poller = new FilePoller(settings(", \"stable-for\": \"2s\""), clock);
    assertThat(poller.ready(List.of(file("notes.txt", 10)))).isEmpty();
    assertThat(poller.recheckIn()).isEmpty();
  }

  @Test
  void aDoneMarkerCannotBeForeseenSoItWaitsForTheNextPoll() {
    FilePoller poller = new FilePoller(settings(", \"done-marker\": \".done\""), clock);
    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 10)))).isEmpty();
    assertThat(poller.recheckIn()).isEmpty();
    assertThat(
            poller.ready(List.of(file("DAILY_SALES_1.csv", 10), file("DAILY_SALES_1.csv.done", 0))))
        .hasSize(1);
  }

  @Test
  void aStableForAsLongAsThePollIntervalLeavesItToThePoll() {
    FilePoller poller = new FilePoller(settings(", \"stable-for\": \"15m\""), clock);
    assertThat(poller.ready(List.of(file("DAILY_SALES_1.csv", 10)))).isEmpty();
    assertThat(poller.recheckIn()).isEmpty();
  }

  private static final class MovingClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
