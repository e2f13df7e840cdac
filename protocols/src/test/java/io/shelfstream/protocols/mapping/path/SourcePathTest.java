package io.shelfstream.protocols.mapping.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path syntax: names, indexes, quoted names, and every malformed form named. */
class SourcePathTest {
  private static final String TREE =
      """
      {"properties": {"first_name": "Ada", "a.b": {"c": 1}},
       "line_items": [{"sku": "A"}, {"sku": "B", "tags": ["x", "y"]}],
       "Ticket No.": "T-1", "q\\"uote": 2}""";

  private static JsonNode tree() throws Exception {
    return new ObjectMapper().readTree(TREE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "properties.first_name | \"Ada\"",
        "line_items[1].sku | \"B\"",
        "line_items[1].tags[0] | \"x\"",
        "properties[\"a.b\"].c | 1",
        "[\"Ticket No.\"] | \"T-1\"",
        "[\"q\\\"uote\"] | 2",
      })
  void resolvesNamesIndexesAndQuotedNames(String path, String expected) throws Exception {
    assertThat(SourcePath.parse(path).resolve(tree())).hasToString(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "properties.last_name",
        "line_items[5].sku",
        "line_items.sku",
        "properties[0]",
        "line_items[].sku",
      })
  void aMissingStepOrAWrongShapeIsAbsent(String path) throws Exception {
    assertThat(SourcePath.parse(path).resolve(tree())).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a..b | a name is missing at character 3",
        ".a | a name is missing at character 1",
        "a. | a name is missing at character 3",
        "a[0 | '[' at character 2 is not closed",
        "a[x] | an index must be a number or empty, got [x]",
        "a[-1] | an index must be a number or empty, got [-1]",
        "a]b | unexpected ']' at character 2",
        "a[0]b | unexpected 'b' at character 5",
        "[\"\"] | a quoted name must be non-empty",
        "[\"open | the quoted name at character 1 is not closed",
      })
  void badSyntaxIsNamed(String path, String problem) {
    assertThatThrownBy(() -> SourcePath.parse(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad path \"" + path + "\"")
        .hasMessageContaining(problem);
  }

  @Test
  void anEmptyPathIsRefused() {
    assertThatThrownBy(() -> SourcePath.parse("")).hasMessage("path is empty");
  }

  @Test
  void aSingleNameIsAColumnName() {
    assertThat(SourcePath.parse("[\"Ticket No.\"]").singleName()).isEqualTo("Ticket No.");
    assertThat(SourcePath.parse("Qty").singleName()).isEqualTo("Qty");
    assertThat(SourcePath.parse("unit.price").singleName()).isNull();
  }
}
