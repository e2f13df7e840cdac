package io.shelfstream.simulations.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw rate of the topic: a plain kafka-clients consumer in a group of its own, reading every
 * record from the start and deserialising nothing (byte arrays), as many records per poll as the
 * integration asks for.
 */
final class RawConsumer {

  record Read(long records, long bytes, double seconds) {
    double recordsPerSecond() {
      return records / seconds;
    }
  }

  private RawConsumer() {}

  static Read readAll(String bootstrapServers, String topic, long expected, Duration timeout) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, KafkaBench.MAX_POLL_RECORDS);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long records = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (records < expected && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          records++;
          bytes += record.serializedValueSize();
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (records < expected) {
      throw new IllegalStateException(
          "the raw consumer read "
              + records
              + " of "
              + expected
              + " records in "
              + timeout.toSeconds()
              + " s");
    }
    return new Read(records, bytes, seconds);
  }
}
