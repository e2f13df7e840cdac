package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static BenchOptions parse(String... args) {
    return BenchOptions.parse(args, "./shelfstream bench");
  }

  @Test
  void defaultsRunEveryBenchmarkThreeTimesAtFullSize() {
    BenchOptions options = parse();
    Sizes sizes = Sizes.of(options);

    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.only()).containsExactlyElementsOf(BenchOptions.BENCHMARKS);
    assertThat(options.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    assertThat(options.pgUser()).isEqualTo("postgres");
    assertThat(sizes.httpRun()).isEqualTo(Duration.ofSeconds(60));
    assertThat(sizes.warmUp()).isEqualTo(Duration.ofSeconds(90));
    assertThat(sizes.warmUpMore()).isEqualTo(Duration.ofSeconds(90));
    assertThat(sizes.bodyBytes()).isEqualTo(10 * Sizes.GIB);
    assertThat(sizes.heapEntities()).isEqualTo(1_000_000);
  }

  @Test
  void quickShrinksEverySizeAndExplicitOptionsWin() {
    Sizes quick = Sizes.of(parse("--quick"));
    Sizes chosen =
        Sizes.of(parse("--quick", "--seconds", "20", "--body-gb", "1", "--warm-up", "0"));

    assertThat(quick.httpRun()).isEqualTo(Duration.ofSeconds(10));
    assertThat(quick.heapEntities()).isEqualTo(50_000);
    assertThat(quick.bodyBytes()).isEqualTo((long) (0.2 * Sizes.GIB));
    assertThat(chosen.httpRun()).isEqualTo(Duration.ofSeconds(20));
    assertThat(chosen.bodyBytes()).isEqualTo(Sizes.GIB);
    assertThat(quick.warmUp()).isEqualTo(Duration.ofSeconds(5));
    assertThat(chosen.warmUp()).isZero();
    assertThat(quick.warmUpMore()).isZero();
    assertThat(chosen.warmUpMore()).as("a length chosen is the length run").isZero();
  }

  @Test
  void onlyPicksBenchmarksByName() {
    BenchOptions options = parse("--only", "kafka, h2", "--runs", "5");

    assertThat(options.only()).containsExactly("kafka", "h2");
    assertThat(options.runs("http")).isFalse();
    assertThat(options.runs()).isEqualTo(5);
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> parse("--only", "http,disk"))
        .hasMessageContaining("--only")
        .hasMessageContaining("disk");
    assertThatThrownBy(() -> parse("--runs", "0")).hasMessageContaining("--runs");
    assertThatThrownBy(() -> parse("--runs", "three")).hasMessageContaining("--runs");
    assertThatThrownBy(() -> parse("--runs")).hasMessageContaining("--runs needs a value");
    assertThatThrownBy(() -> parse("--pg-url", "jdbc:h2:mem:x")).hasMessageContaining("--pg-url");
    assertThatThrownBy(() -> parse("--fast")).hasMessageContaining("unknown option --fast");
  }
}
