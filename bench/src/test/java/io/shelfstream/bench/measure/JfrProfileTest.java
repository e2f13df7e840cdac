package io.shelfstream.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class JfrProfileTest {

  @Test
  void samplesCountForTheNearestClassOfOursWithWhatItCalls() throws Exception {
    Path file = Files.createTempFile("profile-", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      while (System.nanoTime() < until) {
        Hashing.digestMany();
      }
      recording.stop();
      recording.dump(file);
    }

    // the JDK's SHA-256, called by Hashing, is on Hashing's behalf; nothing is on another's
    assertThat(JfrProfile.shareOnBehalfOf(file, Hashing.class.getName())).isGreaterThan(50);
    assertThat(JfrProfile.shareOnBehalfOf(file, "io.shelfstream.nowhere.")).isZero();
    Files.delete(file);
  }

  /** Work of "our" code that spends its time in the JDK. */
  static final class Hashing {
    static void digestMany() throws Exception {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] bytes = new byte[4096];
      for (int i = 0; i < 1000; i++) {
        bytes = sha.digest(bytes);
      }
    }
  }
}
