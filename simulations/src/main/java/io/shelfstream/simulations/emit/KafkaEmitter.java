package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces each line as one record (key = locationId or storeId, value = the line's bytes) with
 * acks=all and idempotence, so the broker holds each line exactly once per send. The node's verdict
 * on each line is not visible here: the checker waits for the golden records instead. Latency is
 * the broker's acknowledgement.
 */
public final class KafkaEmitter implements Emitter {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final SendStats stats;

  public KafkaEmitter(String bootstrapServers, String topic, SendStats stats) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "shelfstream-simulator");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(config);
    this.topic = topic;
    this.stats = stats;
  }

  @Override
  public void send(Emission line) {
    long started = System.nanoTime();
    producer.send(
        new ProducerRecord<>(topic, line.routingKey(), line.bytes()),
        (metadata, error) -> {
          if (error != null) {
            stats.fail("Kafka produce to " + topic + " failed: " + error.getMessage());
          } else {
            stats.latency(System.nanoTime() - started, 1);
          }
        });
  }

  @Override
  public void finish(Duration timeout) {
    producer.flush();
  }

  @Override
  public boolean acknowledgesLines() {
    return false;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
