package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.testing.WireValidator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatingBodyTest {

  private static final int LINE = 1024;

  private static List<byte[]> lines(RepeatingBody body) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    body.transferTo(all);
    byte[] bytes = all.toByteArray();
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    assertThat(start).as("the body ends with a whole line").isEqualTo(bytes.length);
    return lines;
  }

  @Test
  void repeatsAWorkingSetOfValidPaddedLinesUpToTheSize() throws Exception {
    RepeatingBody body = new RepeatingBody(3, LINE, 10 * LINE + 100, Long.MAX_VALUE);

    List<byte[]> lines = lines(body);

    assertThat(lines).hasSize(10);
    assertThat(body.linesSent()).isEqualTo(10);
    assertThat(body.bytesSent()).isEqualTo(10L * LINE);
    assertThat(body.stoppedByTime()).isFalse();
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = lines.get(i);
      assertThat(line.length).isEqualTo(LINE - 1);
      assertThat(WireValidator.problems(line))
          .as(new String(line, StandardCharsets.UTF_8))
          .isEmpty();
      assertThat(line).as("line %d repeats line %d", i, i % 3).isEqualTo(lines.get(i % 3));
    }
    assertThat(new String(lines.get(0), StandardCharsets.UTF_8)).contains("\"eventId\":\"rss-0\"");
    assertThat(new String(lines.get(2), StandardCharsets.UTF_8)).contains("\"eventId\":\"rss-2\"");
  }

  @Test
  void stopsBetweenTwoLinesOnceItsTimeIsUp() throws Exception {
    RepeatingBody body = new RepeatingBody(3, LINE, 10 * LINE, System.nanoTime() - 1);

    assertThat(lines(body)).isEmpty();
    assertThat(body.stoppedByTime()).isTrue();
  }
}
