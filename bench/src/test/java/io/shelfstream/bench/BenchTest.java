package io.shelfstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTest {
  @Test
  void everyScenarioRunsUnlessSomeAreChosen() {
    Bench all = new Bench();
    new CommandLine(all).parseArgs();
    assertThat(all.only)
        .containsExactly(
            "http", "h2", "kafka", "files", "profile", "snapshots", "memory", "high-cardinality");
    assertThat(all.full).isFalse();

    Bench some = new Bench();
    new CommandLine(some).parseArgs("--only", "kafka,h2", "--full", "--seconds", "10");
    assertThat(some.only).containsExactly("kafka", "h2");
    assertThat(some.full).isTrue();
    assertThat(some.seconds).isEqualTo(10);
  }

  @Test
  void anUnknownScenarioIsRefusedWithTheNamesThereAre() {
    StringWriter errors = new StringWriter();
    int exit =
        new CommandLine(new Bench()).setErr(new PrintWriter(errors)).execute("--only", "htp");
    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString()).contains("--only among [http, h2, kafka");
  }

  @Test
  void scenarioNamesAreDistinct() {
    List<String> names = Bench.SCENARIOS.stream().map(s -> s.name()).toList();
    assertThat(names).doesNotHaveDuplicates();
  }
}
