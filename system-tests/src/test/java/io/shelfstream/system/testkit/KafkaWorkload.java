package io.shelfstream.system.testkit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka records of POS events for tests, with the golden record they must produce: one count per
 * entity, dated before every movement, so that the expected onHand is the count plus every distinct
 * movement, whatever the order the records arrive in (they are shuffled). Some records carry no
 * eventId (their position is their key, so they are never re-produced), some are produced twice,
 * some are poison.
 */
public final class KafkaWorkload {
  public final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
  public final Map<String, Long> expectedOnHand = new HashMap<>();
  public int poison;
  public int duplicates;

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T06:00:00+02:00");

  public static KafkaWorkload generate(int distinctEvents, String topic, long seed) {
    var workload = new KafkaWorkload();
    var random = new Random(seed);
    int locations = 20;
    int skus = 25;
    List<ProducerRecord<String, byte[]>> produced = new ArrayList<>();
    for (int l = 0; l < locations; l++) {
      for (int s = 0; s < skus; s++) {
        int onHand = random.nextInt(100);
        workload.expectedOnHand.put(key(l, s), (long) onHand);
        String json =
            "{\"type\":\"count\",\"eventId\":\"c-"
                + l
                + "-"
                + s
                + "\",\"source\":\"erp\",\"occurredAt\":\""
                + T0.plusMinutes(random.nextInt(60))
                + "\",\"locationId\":\"L"
                + l
                + "\",\"sku\":\"K"
                + s
                + "\",\"onHand\":"
                + onHand
                + "}";
        produced.add(record(topic, "L" + l, json));
      }
    }
    for (int i = produced.size(); i < distinctEvents; i++) {
      int l = random.nextInt(locations);
      int s = random.nextInt(skus);
      String[] kinds = {"sale", "sale", "sale", "receipt", "return", "adjustment"};
      String kind = kinds[random.nextInt(kinds.length)];
      int qty = 1 + random.nextInt(5);
      if (kind.equals("adjustment") && random.nextBoolean()) {
        qty = -qty;
      }
      long delta = kind.equals("sale") ? -qty : qty;
      workload.expectedOnHand.merge(key(l, s), delta, Long::sum);
      boolean withoutId = random.nextInt(100) == 0;
      String json =
          "{\"type\":\""
              + kind
              + "\","
              + (withoutId ? "" : "\"eventId\":\"m-" + i + "\",")
              + "\"occurredAt\":\""
              + T0.plusHours(2).plusSeconds(random.nextInt(3_000_000))
              + "\",\"locationId\":\"L"
              + l
              + "\",\"sku\":\"K"
              + s
              + "\",\"qty\":"
              + qty
              + (kind.equals("adjustment") ? ",\"reason\":\"correction\"" : "")
              + "}";
      var record = record(topic, "L" + l, json);
      produced.add(record);
      if (!withoutId && random.nextInt(100) < 5) {
        workload.duplicates++;
        produced.add(record(topic, "L" + l, json));
      }
      if (random.nextInt(100) == 0) {
        workload.poison++;
        produced.add(
            record(
                topic,
                "L" + l,
                random.nextBoolean()
                    ? "{\"type\":\"sale\",\"eventId\":\"p-" + i + "\""
                    : "{\"type\":\"sale\",\"eventId\":\"p-"
                        + i
                        + "\",\"occurredAt\":\""
                        + T0
                        + "\",\"locationId\":\"L1\",\"sku\":\"K1\",\"qty\":0}"));
      }
    }
    // arrival order must not matter: counts may come after the movements they precede
    java.util.Collections.shuffle(produced, random);
    workload.records.addAll(produced);
    return workload;
  }

  public static String key(int location, int sku) {
    return "L" + location + "/K" + sku;
  }

  private static ProducerRecord<String, byte[]> record(String topic, String key, String json) {
    return new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
  }
}
