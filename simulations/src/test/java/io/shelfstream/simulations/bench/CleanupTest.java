package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupTest {

  private final Cleanup cleanup = new Cleanup();
  private final List<String> closed = new ArrayList<>();

  private AutoCloseable resource(String name) {
    AutoCloseable resource =
        new AutoCloseable() {
          @Override
          public void close() {
            closed.add(name);
            cleanup.forget(this);
          }
        };
    return cleanup.track(resource);
  }

  @Test
  void closesWhatWasOpenedSinceAMarkNewestFirstAndKeepsTheRest() throws Exception {
    resource("binaries");
    int mark = cleanup.mark();
    resource("schema");
    resource("node");

    cleanup.closeSince(mark);
    assertThat(closed).containsExactly("node", "schema");

    cleanup.closeAll();
    assertThat(closed).containsExactly("node", "schema", "binaries");
  }

  @Test
  void aResourceClosedByItsOwnerIsNotClosedAgain() throws Exception {
    AutoCloseable node = resource("node");
    node.close();

    cleanup.closeAll();

    assertThat(closed).containsExactly("node");
  }

  @Test
  void nothingMayOutliveTheHarnessOnceItExits() throws Exception {
    cleanup.exit();

    assertThatThrownBy(() -> resource("late node")).hasMessageContaining("exiting");
    assertThat(closed).containsExactly("late node");
  }
}
