package io.shelfstream.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogWorkloadTest {
  private static final CatalogShape SMALL = new CatalogShape(20, 5_000, 100_000, 0.8, 0.3, 7);

  @Test
  void theSameSeedDrawsTheSameEvents() {
    CatalogWorkload first = CatalogWorkload.skewed(SMALL);
    CatalogWorkload second = CatalogWorkload.skewed(SMALL);
    CatalogLines firstLines = new CatalogLines(first);
    CatalogLines secondLines = new CatalogLines(second);
    for (int event = 0; event < first.size(); event += 997) {
      assertThat(firstLines.posLine(event)).isEqualTo(secondLines.posLine(event));
    }
    CatalogWorkload otherSeed =
        CatalogWorkload.skewed(new CatalogShape(20, 5_000, 100_000, 0.8, 0.3, 8));
    assertThat(new CatalogLines(otherSeed).posBody(0, 100))
        .isNotEqualTo(firstLines.posBody(0, 100));
  }

  @Test
  void aFewSkusTakeMuchOfTheTrade() {
    CatalogWorkload workload = CatalogWorkload.skewed(SMALL);
    int[] perSku = new int[SMALL.skus()];
    for (int event = 0; event < workload.size(); event++) {
      perSku[workload.sku(event)]++;
    }
    int[] sorted = java.util.Arrays.stream(perSku).sorted().toArray();
    long topOnePercent = 0;
    for (int i = sorted.length - SMALL.skus() / 100; i < sorted.length; i++) {
      topOnePercent += sorted[i];
    }
    // uniform would give the top 1% of SKUs about 1% of events; Zipf 0.8 over 5,000 gives ~20%
    assertThat(topOnePercent).isGreaterThan(workload.size() / 10);
    // and the long tail still sells: most SKUs appear
    assertThat(java.util.Arrays.stream(perSku).filter(count -> count > 0).count())
        .isGreaterThan(SMALL.skus() / 2);
  }

  @Test
  void skewedEventsTouchFewerRecordsThanEvents() {
    CatalogWorkload workload = CatalogWorkload.skewed(SMALL);
    long distinct = workload.distinctRecords();
    assertThat(distinct).isLessThan(SMALL.events()).isGreaterThan(SMALL.events() / 4);
  }

  @Test
  void theMemoryWorkloadTouchesANewRecordWithEveryEvent() {
    CatalogWorkload workload =
        CatalogWorkload.everyRecordOnce(new CatalogShape(20, 5_000, 100_000, 0, 0, 1));
    assertThat(workload.distinctRecords()).isEqualTo(100_000);
    // every location is filled in turn, so each mark spreads over all of them
    assertThat(workload.location(0)).isEqualTo(0);
    assertThat(workload.location(19)).isEqualTo(19);
    assertThat(workload.sku(20)).isEqualTo(1);
  }

  @Test
  void linesAreThePosWireFormatAndThePeersConnectJson() throws Exception {
    CatalogWorkload workload = CatalogWorkload.skewed(SMALL);
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
    CatalogWorkload workload = CatalogWorkload.skewed(SMALL);
    List<RecordSample.Expected> sample = RecordSample.draw(workload, 50, 3);
    assertThat(sample).isNotEmpty();
    RecordSample.Expected first = sample.get(0);
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
