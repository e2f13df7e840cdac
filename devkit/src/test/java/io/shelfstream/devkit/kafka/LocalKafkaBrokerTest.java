package io.shelfstream.devkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path tempDir;
  private static LocalKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = LocalKafkaBroker.start(tempDir.resolve("kafka"), 0);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void recordsProducedToThreePartitionsAreConsumedBack() throws Exception {
    broker.createTopic("sales", 3);
    try (KafkaProducer<String, String> producer = producer()) {
      send(producer, "sales", 0, 300);
    }

    try (KafkaConsumer<String, String> consumer = consumer("sales-readers", "sales")) {
      Set<String> values = new HashSet<>();
      Set<Integer> partitions = new HashSet<>();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  values.add(r.value());
                  partitions.add(r.partition());
                }
                return values.size() == 300;
              });
      assertThat(values).isEqualTo(expectedValues(0, 300));
      assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void restartKeepsTheDataAndClientsCarryOn() throws Exception {
    String bootstrapBefore = broker.bootstrapServers();
    broker.createTopic("stock", 3);
    try (KafkaProducer<String, String> producer = producer();
        KafkaConsumer<String, String> consumer = consumer("stock-readers", "stock")) {
      send(producer, "stock", 0, 200);
      Set<String> values = new HashSet<>();
      consumeUntil(consumer, values, 200);

      broker.restart();

      assertThat(broker.bootstrapServers()).isEqualTo(bootstrapBefore);
      send(producer, "stock", 200, 400);
      consumeUntil(consumer, values, 400);
      assertThat(values).isEqualTo(expectedValues(0, 400));
    }

    try (KafkaConsumer<String, String> fresh = consumer("stock-rereaders", "stock")) {
      Set<String> reread = new HashSet<>();
      consumeUntil(fresh, reread, 400);
      assertThat(reread).isEqualTo(expectedValues(0, 400));
    }
  }

  @Test
  void createTopicIsIdempotent() throws Exception {
    broker.createTopic("prices", 2);
    broker.createTopic("prices", 2);

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      var description =
          admin.describeTopics(List.of("prices")).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(description.get("prices").partitions()).hasSize(2);
    }
    assertThatThrownBy(() -> broker.createTopic("prices", 4))
        .hasMessageContaining("already exists with 2 partitions");
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
  }

  @Test
  void aTakenPortIsReportedBeforeAnythingStarts() {
    assertThatThrownBy(() -> LocalKafkaBroker.start(tempDir.resolve("second"), broker.port()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + broker.port() + " is already in use");
  }

  @Test
  void aDataDirInUseIsNotShared() {
    assertThatThrownBy(() -> LocalKafkaBroker.start(tempDir.resolve("kafka"), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in use by another LocalKafkaBroker in this JVM");
  }

  @Test
  void aDataDirThatIsAFileIsReported() throws Exception {
    Path file = Files.writeString(tempDir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> LocalKafkaBroker.start(file, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Kafka data dir " + file + " cannot be created");
  }

  @Test
  void aDataDirHoldingOtherFilesIsNotTakenOver() throws Exception {
    Path dir = Files.createDirectories(tempDir.resolve("someone-elses"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> LocalKafkaBroker.start(dir, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not empty and holds no Kafka storage");
  }

  private static void send(KafkaProducer<String, String> producer, String topic, int from, int to)
      throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (int i = from; i < to; i++) {
      acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void consumeUntil(
      KafkaConsumer<String, String> consumer, Set<String> values, int count) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
              return values.size() >= count;
            });
  }

  private static Set<String> expectedValues(int from, int to) {
    Set<String> values = new HashSet<>();
    IntStream.range(from, to).forEach(i -> values.add("value-" + i));
    return values;
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) WAIT.toMillis()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String group, String topic) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
