package io.shelfstream.simulations.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

  private static BatchResponse parse(String body) throws IOException {
    return BatchResponse.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheCountsAndEachLinesErrorIgnoringFieldsItDoesNotUse() throws IOException {
    BatchResponse response =
        parse(
            "{\"accepted\":3,\"duplicates\":1,\"rejected\":1,\"failed\":0,"
                + "\"errors\":[{\"line\":2,\"eventId\":\"s-1\",\"error\":\"qty: must be > 0\"}]}");

    assertThat(response.accepted()).isEqualTo(3);
    assertThat(response.duplicates()).isEqualTo(1);
    assertThat(response.rejected()).isEqualTo(1);
    assertThat(response.errors())
        .containsExactly(new BatchResponse.LineError(2, "s-1", "qty: must be > 0"));
    assertThat(parse("{\"accepted\":1,\"duplicates\":0,\"rejected\":0}").errors()).isEmpty();
  }

  @Test
  void anAnswerWithoutItsCountsIsAnErrorShowingTheAnswer() {
    assertThatThrownBy(() -> parse("{\"accepted\":3,\"duplicates\":1}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("rejected")
        .hasMessageEndingWith("{\"accepted\":3,\"duplicates\":1}");
    assertThatThrownBy(() -> parse("<html>busy</html>"))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("<html>busy</html>");
  }
}
