package io.shelfstream.system.testkit;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces records with Kafka's own client, waiting until the broker has them all. */
public final class Producer {
  private Producer() {}

  public static void produce(
      String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (ProducerRecord<String, byte[]> record : records) {
        producer.send(record);
      }
      producer.flush();
    }
  }

  public static void produce(
      String bootstrapServers, String topic, String key, List<String> values) {
    produce(
        bootstrapServers,
        values.stream()
            .map(
                value ->
                    new ProducerRecord<>(
                        topic, key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .toList());
  }
}
