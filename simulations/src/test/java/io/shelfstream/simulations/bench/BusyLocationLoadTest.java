package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusyLocationLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> parse(String lines) throws Exception {
    return lines.lines().map(line -> readTree(line)).toList();
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @Test
  void everySkuOfEveryLocationGetsSalesReceiptsAndCountsWithUniqueIds() throws Exception {
    int skus = BusyLocationLoad.LOCATIONS * BusyLocationLoad.SKUS;
    List<JsonNode> lines = parse(BusyLocationLoad.lines(0, 20L * skus));
    Set<String> ids = new HashSet<>();
    Map<String, Integer> kinds = new HashMap<>();
    Set<String> locations = new HashSet<>();
    for (JsonNode line : lines) {
      assertThat(ids.add(line.get("eventId").asText())).isTrue();
      kinds.merge(line.get("type").asText(), 1, Integer::sum);
      locations.add(line.get("locationId").asText());
    }
    assertThat(locations).hasSize(BusyLocationLoad.LOCATIONS);
    assertThat(kinds).containsEntry("count", skus).containsEntry("receipt", skus);
    assertThat(kinds.get("sale")).isEqualTo(18 * skus);
    assertThat(
            lines.stream()
                .filter(line -> line.get("sku").asText().equals(BusyLocationLoad.anySku()))
                .map(line -> line.get("locationId").asText())
                .distinct())
        .as("the SKU read back after recovery is at every location")
        .hasSize(BusyLocationLoad.LOCATIONS);
  }

  @Test
  void aFullRunStaysWithinTheDedupeWindowSoEveryIdIsRemembered() throws Exception {
    OffsetDateTime first =
        OffsetDateTime.parse(parse(BusyLocationLoad.lines(0, 1)).get(0).get("occurredAt").asText());
    OffsetDateTime last =
        OffsetDateTime.parse(
            parse(BusyLocationLoad.lines(1_199_999, 1_200_000)).get(0).get("occurredAt").asText());
    assertThat(Duration.between(first, last)).isLessThan(Duration.ofDays(1));
  }
}
