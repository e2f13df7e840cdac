package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
                "it-1", new SourceTypes(List.of(scripted)), null, FAST, Clock.systemUTC()));
  }

  private static IntegrationSpec spec(String settings) {
    return IntegrationSpec.of("it-1", ConfigFactory.parseString("type = scripted\n" + settings));
  }

  private IntegrationStatus status() {
    TestProbe<IntegrationStatus> probe = testKit.createTestProbe();
    supervisor.tell(new IntegrationSupervisor.GetStatus(probe.getRef()));
    return probe.receiveMessage();
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
}
