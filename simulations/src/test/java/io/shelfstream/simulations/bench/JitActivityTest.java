package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitActivityTest {

  @Test
  void countsOnlyHotSpotsCompilerThreads() {
    assertThat(JitActivity.isCompiler("C2 CompilerThre")).isTrue();
    assertThat(JitActivity.isCompiler("C1 CompilerThre")).isTrue();
    assertThat(JitActivity.isCompiler("GC Thread#0")).isFalse();
    assertThat(JitActivity.isCompiler("shelfstream-pekko.actor.default-dispatcher-5")).isFalse();
  }

  @Test
  void readsTheCompilersOfARunningJvmAndNothingOfAGoneOne() {
    // this JVM has loaded and compiled a test framework: its compilers have used some CPU
    assertThat(JitActivity.compilerTicks(ProcessHandle.current().pid())).isPositive();
    assertThat(JitActivity.compilerTicks(Integer.MAX_VALUE)).isZero();
  }
}
