package io.shelfstream.bench.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.node.Integrations;
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
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Filling topics before an integration reads them, and reading them raw for comparison. */
public final class Topics {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Records produced, how many malformed, and the ground truth of the valid ones. */
  public record Filled(long records, long malformed, GroundTruth truth) {}

  private Topics() {}

  /**
   * The HTTP scenario's world and noise, minus the malformed kind Kafka makes valid (a record
   * without eventId), through the simulator's Kafka emitter: one record per line.
   */
  public static Filled fill(String servers, String topic, long worldEvents, Policies policies)
      throws IOException {
    GroundTruth truth = new GroundTruth(policies);
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(SimulatedLoad.WORLD).firstEvents(worldEvents),
            SimulatedLoad.NOISE,
            MalformedKind.withIdsFromTransport(),
            SimulatedLoad.WORLD.seed(),
            new NoiseCounters());
    SendStats stats = new SendStats();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (KafkaEmitter emitter = new KafkaEmitter(servers, topic, stats)) {
      while (stats.failure() == null && lines.hasNext() && System.nanoTime() < deadline) {
        Emission line = lines.next();
        if (line instanceof ValidLine valid) {
          truth.accept(valid.event());
        }
        stats.sent(line instanceof MalformedLine, false);
        emitter.send(line);
      }
      emitter.finish(TIMEOUT);
    }
    if (stats.failure() != null || lines.hasNext()) {
      throw new IOException(
          "producing to " + topic + " failed or took over 5 min: " + stats.failure());
    }
    return new Filled(stats.sent(), stats.malformedSent(), truth);
  }

  /** Produces each line as one record, and waits until the broker has them all. */
  public static void produce(String servers, String topic, List<String> lines) throws IOException {
    produce(servers, topic, lines.size(), n -> null, n -> lines.get(n).getBytes(UTF_8));
  }

  /** Produces records 0..count-1, and waits until the broker has them all. */
  public static void produce(
      String servers, String topic, int count, IntFunction<byte[]> key, IntFunction<byte[]> value)
      throws IOException {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    AtomicReference<Exception> failure = new AtomicReference<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (var producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int n = 0; n < count && failure.get() == null && System.nanoTime() < deadline; n++) {
        producer.send(
            new ProducerRecord<>(topic, key.apply(n), value.apply(n)),
            (metadata, error) -> failure.compareAndSet(null, error));
      }
      producer.flush();
    }
    if (failure.get() != null || System.nanoTime() > deadline) {
      throw new IOException(
          "producing to " + topic + " failed or took over 5 min: " + failure.get(), failure.get());
    }
  }

  /**
   * A plain consumer of its own group reading every record from the start as byte arrays, as many
   * per poll as the integration asks for: records/s from subscribe to the last record.
   */
  public static double rawRecordsPerSecond(String servers, String topic, long expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integrations.MAX_POLL_RECORDS);
    long started = System.nanoTime();
    long deadline = started + TIMEOUT.toNanos();
    long records = 0;
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (records < expected && System.nanoTime() < deadline) {
        records += consumer.poll(Duration.ofMillis(200)).count();
      }
    }
    if (records < expected) {
      throw new IllegalStateException(
          "the raw consumer read " + records + " of " + expected + " records in 5 min");
    }
    return records / ((System.nanoTime() - started) / 1e9);
  }
}
