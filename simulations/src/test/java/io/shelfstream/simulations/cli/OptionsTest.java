package io.shelfstream.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.noise.MalformedKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionsTest {

  private static Options parse(String... args) {
    CommandLineOptions options = new CommandLineOptions();
    CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.parseArgs(args);
    return Options.from(options, commandLine);
  }

  @Test
  void overKafkaALineWithoutEventIdIsNotSentAsMalformed() {
    Options options =
        parse("--target", "http://127.0.0.1:1", "--kafka", "127.0.0.1:2", "--topic", "pos");

    assertThat(options.malformedKinds())
        .doesNotContain(MalformedKind.MISSING_EVENT_ID)
        .hasSize(MalformedKind.values().length - 1);
    assertThat(options.settleTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void overHttpEveryKindIsSent() {
    Options options = parse("--target", "http://127.0.0.1:1");

    assertThat(options.malformedKinds()).containsExactlyInAnyOrder(MalformedKind.values());
    assertThat(options.settleTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.mode()).isEqualTo(Mode.BATCH);
    assertThat(options.world().stores()).isEqualTo(15);
    assertThat(options.world().days()).isEqualTo(365);
    assertThat(options.noise().reorderWindow()).isEqualTo(2000);
  }

  @Test
  void thePresetFillsOnlyTheOptionsNotGiven() {
    Options options =
        parse(
            "--preset", "demo", "--target", "http://127.0.0.1:1", "--stores", "3", "--mode=STREAM");

    assertThat(options.world().stores()).isEqualTo(3);
    assertThat(options.world().products()).isEqualTo(500);
    assertThat(options.world().seed()).isEqualTo(2026);
    assertThat(options.events()).isEqualTo(100_000L);
    assertThat(options.noise().outOfOrderPercent()).isEqualTo(30);
    assertThat(options.tills()).isEqualTo(2);
    assertThat(options.batch()).isEqualTo(250);
    assertThat(options.mode()).isEqualTo(Mode.STREAM);
  }
}
