package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationSupervisorTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final SupervisionSettings FAST =
      new SupervisionSettings(
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          0.2,
          3,
          Duration.ofMinutes(1),
          Duration.ofSeconds(5));
  private static final StatusSettings STATUS =
      new StatusSettings(
          Duration.ofSeconds(1),
          Duration.ofMillis(200),
          Duration.ofMillis(50),
          Duration.ofSeconds(1));

  private ScriptedSourceType scripted;
  private ActorRef<IntegrationSupervisor.Command> supervisor;

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void spawn() {
    scripted = new ScriptedSourceType();
    // the scripted source never touches the pipeline
    supervisor =
        testKit.spawn(
            IntegrationSupervisor.create(
                "it-1", new SourceTypes(List.of(scripted)), null, FAST, STATUS, Clock.systemUTC()));
  }

  private static IntegrationSpec spec(String settings) {
    return IntegrationSpec.of("it-1", ConfigFactory.parseString("type = scripted\n" + settings));
  }

  private IntegrationStatus status() {
    return status(Duration.ZERO);
  }

  /** A status, which must come within a second of the time it may wait for a stop. */
  private IntegrationStatus status(Duration settleWithin) {
    TestProbe<IntegrationStatus> probe = testKit.createTestProbe();
    supervisor.tell(new IntegrationSupervisor.GetStatus(probe.getRef(), settleWithin));
    return probe.receiveMessage(settleWithin.plusSeconds(1));
  }

  private void awaitState(String state) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status().state().equals(state));
  }

  @Test
  void startsAndIsRunningOnceTheSourceIsReady() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    awaitState("starting");
    scripted.lastRun().ready.complete(org.apache.pekko.Done.getInstance());
    awaitState("running");
    assertThat(status().type()).isEqualTo("scripted");
  }

  @Test
  void aSourceThatKeepsFailingBacksOffThenFails() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("fail-at-start = true"), false));
    awaitState("failed");
    IntegrationStatus failed = status();
    assertThat(scripted.runs).hasSize(1 + FAST.maxRestarts());
    assertThat(failed.restarts()).isEqualTo(FAST.maxRestarts());
    assertThat(failed.lastError()).isEqualTo("IllegalStateException: broker unreachable");
    assertThat(failed.lastErrorAt()).isNotNull();
  }

  @Test
  void aFailedIntegrationStartsAgainWhenResumedWithANewSpec() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("fail-at-start = true"), false));
    awaitState("failed");
    supervisor.tell(new IntegrationSupervisor.Configure(spec("fail-at-start = false"), false));
    awaitState("starting");
    assertThat(scripted.lastRun().spec.settingsJson()).contains("\"fail-at-start\":false");
  }

  @Test
  void invalidSettingsFailAtOnceWithoutRetrying() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("broken = yes"), false));
    awaitState("failed");
    assertThat(scripted.runs).isEmpty();
    assertThat(status().lastError()).contains("broken: is not allowed");
  }

  @Test
  void pauseStopsTheStreamAndResumeStartsANewOne() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    var first = scripted.lastRun();

    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), true));
    awaitState("paused");
    assertThat(first.stopped).isTrue();

    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), true));
    assertThat(status().state())
        .as("repeating the desired state changes nothing")
        .isEqualTo("paused");
    assertThat(scripted.runs).hasSize(1);

    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    Awaitility.await().until(() -> scripted.runs.size() == 2);
    awaitState("starting");
  }

  @Test
  void aChangedSpecRestartsTheStreamAndAnUnchangedOneDoesNot() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("a = 1"), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    supervisor.tell(new IntegrationSupervisor.Configure(spec("a = 1"), false));
    supervisor.tell(new IntegrationSupervisor.Configure(spec("a = 2"), false));
    Awaitility.await().until(() -> scripted.runs.size() == 2);
    assertThat(scripted.runs.get(0).stopped).isTrue();
    assertThat(scripted.lastRun().spec.settingsJson()).contains("\"a\":2");
  }

  @Test
  void triggerPollsOnlyPollingSources() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("polls = true"), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    TestProbe<IntegrationSupervisor.TriggerReply> probe = testKit.createTestProbe();
    supervisor.tell(new IntegrationSupervisor.Trigger(probe.getRef()));
    assertThat(probe.receiveMessage().triggered()).isTrue();
    assertThat(scripted.triggers.get()).isEqualTo(1);
  }

  @Test
  void removeStopsTheStreamAndTheSupervisor() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    TestProbe<Object> watcher = testKit.createTestProbe();
    supervisor.tell(IntegrationSupervisor.Remove.INSTANCE);
    watcher.expectTerminated(supervisor, Duration.ofSeconds(5));
    assertThat(scripted.lastRun().stopped).isTrue();
  }

  @Test
  void aStreamThatEndsByItselfIsAFailure() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    scripted.lastRun().completion.complete(org.apache.pekko.Done.getInstance());
    Awaitility.await().until(() -> scripted.runs.size() == 2);
    assertThat(status().lastError()).contains("the source stopped by itself");
    assertThat(status().restarts()).isEqualTo(1);
  }

  @Test
  void aSourceThatThrowsAtStartBacksOffWithItsReasonThenFails() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("throw-at-start = true"), false));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status().lastError() != null);
    assertThat(status().lastError()).isEqualTo("IllegalStateException: cannot build a client");
    awaitState("failed");
    assertThat(status().restarts()).isEqualTo(FAST.maxRestarts());
  }

  @Test
  void aStatusAnswersWithinItsWaitWhileTheSourceDetailsHangThenShowsThemOnceTheyCome() {
    var hanging = new CompletableFuture<Map<String, Object>>();
    scripted.details = hanging;
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));

    IntegrationStatus waiting = status();
    assertThat(waiting.state()).isEqualTo("starting");
    assertThat(waiting.details()).isEmpty();
    assertThat(waiting.detailsAt()).isNull();
    assertThat(waiting.detailsError()).isEqualTo("the last query has not answered yet");
    status();
    assertThat(scripted.detailQueries.get()).as("one query in flight at a time").isEqualTo(1);

    hanging.complete(Map.of("totalLag", 7));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              IntegrationStatus known = status();
              assertThat(known.details()).containsEntry("totalLag", 7);
              assertThat(known.detailsAt()).isNotNull();
              assertThat(known.detailsError()).isNull();
            });
  }

  @Test
  void aFailedDetailsQueryKeepsTheLastDetailsAndSaysWhy() {
    scripted.details = CompletableFuture.completedFuture(Map.of("totalLag", 3));
    supervisor.tell(new IntegrationSupervisor.Configure(spec(""), false));
    Awaitility.await().until(() -> status().details().containsKey("totalLag"));

    scripted.details = CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              IntegrationStatus known = status();
              assertThat(known.detailsError()).isEqualTo("IllegalStateException: broker gone");
              assertThat(known.details()).containsEntry("totalLag", 3);
            });

    scripted.details = new CompletableFuture<>(); // never answers
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "no answer within 1000 ms".equals(status().detailsError()));
  }

  @Test
  void aStatusDuringAStopThatHangsSaysStoppingWithinItsBound() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("stop-hangs = true"), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    supervisor.tell(new IntegrationSupervisor.Configure(spec("stop-hangs = true"), true));
    Awaitility.await().until(() -> scripted.lastRun().stopped);

    assertThat(status().state()).isEqualTo("stopping");
    assertThat(status(Duration.ofMillis(300)).state()).isEqualTo("stopping");

    scripted.lastRun().completion.complete(org.apache.pekko.Done.getInstance());
    awaitState("paused");
  }

  @Test
  void aStatusWaitsForAStopThatEndsWithinItsBound() {
    supervisor.tell(new IntegrationSupervisor.Configure(spec("stop-hangs = true"), false));
    Awaitility.await().until(() -> scripted.runs.size() == 1);
    supervisor.tell(new IntegrationSupervisor.Configure(spec("stop-hangs = true"), true));
    Awaitility.await().until(() -> scripted.lastRun().stopped);

    TestProbe<IntegrationStatus> probe = testKit.createTestProbe();
    supervisor.tell(new IntegrationSupervisor.GetStatus(probe.getRef(), Duration.ofSeconds(5)));
    probe.expectNoMessage(Duration.ofMillis(200));
    scripted.lastRun().completion.complete(org.apache.pekko.Done.getInstance());
    assertThat(probe.receiveMessage(Duration.ofSeconds(2)).state()).isEqualTo("paused");
  }

  @Test
  void statusMessagesSerializeForOtherNodes() {
    TestProbe<IntegrationStatus> probe = testKit.createTestProbe();
    var serialization = testKit.serializationTestKit();
    serialization.verifySerialization(
        new IntegrationSupervisor.GetStatus(probe.getRef(), Duration.ofSeconds(5)), true);
    var status =
        new IntegrationStatus(
            "it-1",
            "kafka",
            "running",
            3,
            2,
            1,
            0,
            java.time.Instant.parse("2026-03-01T09:00:00Z"),
            null,
            null,
            0,
            Map.of("totalLag", 4L),
            java.time.Instant.parse("2026-03-01T09:00:01Z"),
            "the last query has not answered yet");
    assertThat(serialization.verifySerialization(status, false).detailsError())
        .isEqualTo(status.detailsError());
  }
}
