package io.shelfstream.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamPermitsTest {
  private final StreamPermits permits =
      new StreamPermits(new IngestLimits(2, 3, Duration.ofSeconds(60)));

  @Test
  void aClientGetsItsShareAndTheNodeItsTotal() {
    var first = admitted(permits.admit("a"));
    admitted(permits.admit("a"));
    assertThat(permits.admit("a")).isEqualTo(new StreamPermits.ClientAtLimit("a", 2));

    admitted(permits.admit("b"));
    assertThat(permits.admit("c"))
        .as("the node is full, though c holds nothing")
        .isEqualTo(new StreamPermits.NodeAtLimit(3));

    first.release();
    admitted(permits.admit("c"));
    assertThat(permits.inProgress()).isEqualTo(3);
  }

  @Test
  void aPermitReleasedTwiceIsGivenBackOnce() {
    var permit = admitted(permits.admit("a"));
    admitted(permits.admit("a"));

    permit.release();
    permit.release();

    assertThat(permits.inProgress("a")).isEqualTo(1);
    assertThat(permits.inProgress()).isEqualTo(1);
  }

  @Test
  void aRefusalHoldsNothing() {
    admitted(permits.admit("a"));
    admitted(permits.admit("a"));
    for (int i = 0; i < 10; i++) {
      permits.admit("a");
    }
    assertThat(permits.inProgress()).isEqualTo(2);
    admitted(permits.admit("b"));
  }

  private static StreamPermits.Permit admitted(StreamPermits.Admission admission) {
    assertThat(admission).isInstanceOf(StreamPermits.Admitted.class);
    return ((StreamPermits.Admitted) admission).permit();
  }
}
