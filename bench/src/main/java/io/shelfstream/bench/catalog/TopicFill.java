package io.shelfstream.bench.catalog;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Fills a topic with every event of a workload before the target starts reading it. */
final class TopicFill {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private TopicFill() {}

  static void produce(
      String bootstrapServers,
      String topic,
      int events,
      IntFunction<byte[]> key,
      IntFunction<byte[]> value)
      throws IOException {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    AtomicReference<Exception> failure = new AtomicReference<>();
    Progress progress = new Progress("producing to " + topic, events);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (var producer =
        new KafkaProducer<byte[], byte[]>(
            config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int event = 0; event < events && failure.get() == null; event++) {
        producer.send(
            new ProducerRecord<>(topic, key.apply(event), value.apply(event)),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        if ((event & 0xFFF) == 0) {
          progress.update(event);
          if (System.nanoTime() > deadline) {
            throw new IOException(
                "producing "
                    + events
                    + " events to "
                    + topic
                    + " took over "
                    + TIMEOUT.toMinutes()
                    + " min");
          }
        }
      }
      producer.flush();
    } catch (KafkaException e) {
      throw new IOException("cannot produce to " + topic + ": " + e.getMessage(), e);
    }
    if (failure.get() != null) {
      throw new IOException(
          "cannot produce to " + topic + ": " + failure.get().getMessage(), failure.get());
    }
  }
}
