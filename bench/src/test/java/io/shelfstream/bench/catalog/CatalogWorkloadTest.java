package io.shelfstream.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogWorkloadTest {
  private static final int SKUS = 5_000;
  private static final int EVENTS = 100_000;
  private static final CatalogWorkload SMALL =
      CatalogWorkload.skewed(20, SKUS, EVENTS, 0.8, 0.3, 7);

  @Test
  void theSameSeedDrawsTheSameEvents() {
    CatalogWorkload first = SMALL;
    CatalogWorkload second = CatalogWorkload.skewed(20, SKUS, EVENTS, 0.8, 0.3, 7);
    CatalogLines firstLines = new CatalogLines(first);
    CatalogLines secondLines = new CatalogLines(second);
    for (int event = 0; event < first.size(); event += 997) {
      assertThat(firstLines.posLine(event)).isEqualTo(secondLines.posLine(event));
    }
    CatalogWorkload otherSeed = CatalogWorkload.skewed(20, SKUS, EVENTS, 0.8, 0.3, 8);
    assertThat(new CatalogLines(otherSeed).posBody(0, 100))
        .isNotEqualTo(firstLines.posBody(0, 100));
  }

  @Test
  void aFewSkusTakeMuchOfTheTrade() {
    CatalogWorkload workload = SMALL;
    int[] perSku = new int[SKUS];
    for (int event = 0; event < workload.size(); event++) {
      perSku[workload.sku(event)]++;
    }
    int[] sorted = java.util.Arrays.stream(perSku).sorted().toArray();
    long topOnePercent = 0;
    for (int i = sorted.length - SKUS / 100; i < sorted.length; i++) {
      topOnePercent += sorted[i];
    }
    // uniform would give the top 1% of SKUs about 1% of events; Zipf 0.8 over 5,000 gives ~20%
    assertThat(topOnePercent).isGreaterThan(workload.size() / 10);
    // and the long tail still sells: most SKUs appear
    assertThat(java.util.Arrays.stream(perSku).filter(count -> count > 0).count())
        .isGreaterThan(SKUS / 2);
  }

  @Test
  void skewedEventsTouchFewerRecordsThanEvents() {
    CatalogWorkload workload = SMALL;
    long distinct = workload.distinctRecords();
    assertThat(distinct).isLessThan(EVENTS).isGreaterThan(EVENTS / 4);
  }

  @Test
  void linesAreThePosWireFormatAndThePeersConnectJson() throws Exception {
    CatalogWorkload workload = SMALL;
    CatalogLines lines = new CatalogLines(workload);
    ObjectMapper json = new ObjectMapper();
    for (int event = 0; event < 200; event++) {
      JsonNode pos = json.readTree(lines.posLine(event));
      JsonNode peer = json.readTree(lines.peerValue(event)).path("payload");
      assertThat(pos.path("eventId").asText()).isEqualTo(peer.path("event_id").asText());
      assertThat(pos.path("locationId").asText()).isEqualTo(peer.path("location_id").asText());
      assertThat(pos.path("sku").asText()).isEqualTo(peer.path("sku").asText());
      assertThat(pos.path("qty").asInt()).isEqualTo(peer.path("qty").asInt()).isPositive();
      assertThat(pos.path("type").asText()).isIn("sale", "return", "adjustment");
      assertThat(json.readTree(lines.peerKey(event)).path("payload").path("event_id").asText())
          .isEqualTo(pos.path("eventId").asText());
    }
  }

  @Test
  void theSampleSumsEachRecordsMovements() {
    CatalogWorkload workload = SMALL;
    List<CatalogWorkload.Expected> sample = workload.sample(50, 3);
    assertThat(sample).isNotEmpty();
    CatalogWorkload.Expected first = sample.get(0);
    long onHand = 0;
    int movements = 0;
    for (int event = 0; event < workload.size(); event++) {
      if (workload.locationId(event).equals(first.locationId())
          && workload.skuId(event).equals(first.sku())) {
        onHand += workload.delta(event);
        movements++;
      }
    }
    assertThat(first.onHand()).isEqualTo(onHand);
    assertThat(first.movements()).isEqualTo(movements).isPositive();
  }
}
