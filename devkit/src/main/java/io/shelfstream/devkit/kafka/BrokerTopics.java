package io.shelfstream.devkit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Topics of the broker, handled through its own client listener as any user would. Each method
 * waits until the broker leads every partition concerned: the controller acknowledges a new topic
 * before the broker serves it, and a producer started in between would fail its first sends.
 */
final class BrokerTopics {
  private static final short SINGLE_REPLICA = 1;
  private static final Duration POLL_PAUSE = Duration.ofMillis(50);

  private BrokerTopics() {}

  static void create(String bootstrapServers, String name, int partitions, Duration timeout) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic needs at least one partition, got " + partitions);
    }
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(adminSettings(bootstrapServers))) {
      NewTopic topic = new NewTopic(name, partitions, SINGLE_REPLICA);
      try {
        await(admin.createTopics(List.of(topic)).all(), deadline);
      } catch (TopicExistsException alreadyThere) {
        // creating is idempotent, as long as the partition count is the one asked for
      }
      awaitLeaders(
          admin, Set.of(name), deadline, existing -> requirePartitions(existing, partitions));
    }
  }

  /**
   * Waits until the broker leads every partition of every topic, internal ones included: a
   * restarted broker accepts clients before it has taken back the leadership of its partitions.
   */
  static void awaitEveryTopicLed(String bootstrapServers, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(adminSettings(bootstrapServers))) {
      ListTopicsOptions everyTopic = new ListTopicsOptions().listInternal(true);
      Set<String> names = await(admin.listTopics(everyTopic).names(), deadline);
      if (!names.isEmpty()) {
        awaitLeaders(admin, names, deadline, topic -> {});
      }
    }
  }

  private static void awaitLeaders(
      Admin admin, Set<String> names, Instant deadline, Consumer<TopicDescription> check) {
    while (true) {
      try {
        Collection<TopicDescription> topics =
            await(admin.describeTopics(names).allTopicNames(), deadline).values();
        topics.forEach(check);
        // the broker's metadata names it leader a moment before it acts as one; a partition
        // answers ListOffsets only once it does, and the admin client retries until then
        await(admin.listOffsets(latestOffsetsOf(topics)).all(), deadline);
        return;
      } catch (RetriableException notServedYet) {
        // e.g. the broker has not applied the controller's record of a new topic yet
      }
      pauseBefore(deadline, "a leader for each partition of " + names);
    }
  }

  private static Map<TopicPartition, OffsetSpec> latestOffsetsOf(
      Collection<TopicDescription> topics) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : topics) {
      for (TopicPartitionInfo partition : topic.partitions()) {
        latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
      }
    }
    return latest;
  }

  private static void requirePartitions(TopicDescription topic, int partitions) {
    if (topic.partitions().size() != partitions) {
      throw new IllegalStateException(
          "topic "
              + topic.name()
              + " already exists with "
              + topic.partitions().size()
              + " partitions, not "
              + partitions);
    }
  }

  private static <T> T await(KafkaFuture<T> future, Instant deadline) {
    try {
      return future.get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the Kafka broker did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  private static void pauseBefore(Instant deadline, String awaited) {
    if (remaining(deadline).compareTo(POLL_PAUSE) <= 0) {
      throw new IllegalStateException("timed out waiting for " + awaited);
    }
    try {
      Thread.sleep(POLL_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + awaited, e);
    }
  }

  private static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Map<String, Object> adminSettings(String bootstrapServers) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG,
        "local-kafka-broker-admin");
  }
}
