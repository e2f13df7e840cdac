package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.emit.KafkaEmitter;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedKind;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.Policies;
import io.shelfstream.simulations.world.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a topic before the integration starts: benchmark 1's world and noise (minus the malformed
 * kind Kafka makes valid), through the simulator's Kafka emitter, one record per line.
 */
final class KafkaProduce {

  /** How many records went in, how many of them malformed, and the truth of the valid ones. */
  record Produced(long records, long malformed, double seconds, GroundTruth truth) {}

  private static final Duration PRODUCE_TIMEOUT = Duration.ofMinutes(5);

  private KafkaProduce() {}

  static Produced fill(String bootstrapServers, String topic, long worldEvents, Policies policies)
      throws IOException {
    GroundTruth truth = new GroundTruth(policies);
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(HttpLoad.WORLD).firstEvents(worldEvents),
            HttpLoad.NOISE,
            MalformedKind.withIdsFromTransport(),
            HttpLoad.WORLD.seed(),
            new NoiseCounters());
    SendStats stats = new SendStats();
    long started = System.nanoTime();
    long deadline = started + PRODUCE_TIMEOUT.toNanos();
    try (KafkaEmitter emitter = new KafkaEmitter(bootstrapServers, topic, stats)) {
      while (stats.failure() == null && lines.hasNext() && System.nanoTime() < deadline) {
        Emission line = lines.next();
        if (line instanceof ValidLine valid) {
          truth.accept(valid.event());
        }
        stats.sent(line instanceof MalformedLine, false);
        emitter.send(line);
      }
      emitter.finish(PRODUCE_TIMEOUT);
    }
    if (stats.failure() != null) {
      throw new IOException(stats.failure());
    }
    if (lines.hasNext()) {
      throw new IOException(
          "producing did not finish within " + PRODUCE_TIMEOUT.toMinutes() + " min");
    }
    return new Produced(
        stats.sent(), stats.malformedSent(), (System.nanoTime() - started) / 1e9, truth);
  }

  /** Produces each line as one record (no key), and waits until the broker has them all. */
  static void lines(String bootstrapServers, String topic, List<String> lines) throws IOException {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (var producer =
        new KafkaProducer<byte[], byte[]>(
            config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String line : lines) {
        producer.send(new ProducerRecord<>(topic, line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    } catch (KafkaException e) {
      throw new IOException("cannot produce to " + topic + ": " + e.getMessage(), e);
    }
  }
}
