package io.shelfstream.sources.kafka;

import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.integration.ConnectionCheck;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.RunningSource;
import io.shelfstream.engine.integration.SourceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.RestrictedConsumer;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.PartitionAssignmentHandler;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Reads POS events, or records of any JSON shape through a mapping, from Kafka topics. An offset is
 * committed only after its record is durable (in the journal, or in the dead letters when it cannot
 * be decoded), in batches. A crash or rebalance can redeliver records, never lose them; entity
 * dedupe makes redelivery harmless. A record that is not known to be durable fails the stream, so
 * that its supervisor restarts it from the last committed offset. A start that reaches no broker
 * within the connection timeout fails too.
 */
final class KafkaIntegrationSource implements IntegrationSource {
  static final Duration TEST_TIMEOUT = Duration.ofSeconds(8);
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Partitions read at once. Every assigned partition must get its stream (a partition beyond this
   * would never be read), so this is far above what one consumer is ever assigned.
   */
  private static final int MAX_PARTITIONS = 10_000;

  private final KafkaSettings settings;
  private Admin admin; // for lag; made on first use, closed with the source
  private boolean closed;

  KafkaIntegrationSource(KafkaSettings settings) {
    this.settings = settings;
  }

  @Override
  public RunningSource start(SourceContext context) {
    CompletableFuture<Done> ready = new CompletableFuture<>();
    var subscription =
        Subscriptions.topics(settings.topics())
            .withPartitionAssignmentHandler(readyWhenAssigned(ready));
    Consumer.DrainingControl<Done> control =
        Consumer.committablePartitionedSource(consumerSettings(context), subscription)
            .flatMapMerge(MAX_PARTITIONS, partition -> durableOffsets(partition.second(), context))
            .toMat(Committer.sink(committerSettings(context)), Consumer::createDrainingControl)
            .run(context.system());
    Executor blocking = blocking(context);
    return new KafkaRun(control, ready, BrokerProbe.reach(settings, blocking), blocking);
  }

  /**
   * One assigned partition's records, decoded and ingested in their own stream (on a thread of its
   * own, as an HTTP request is): one stream for every partition would leave a single thread to
   * decode all of them. Emits, for each batch, the offset of its last record once every record of
   * the batch is durable: a partition's commit covers every record before it.
   */
  private Source<ConsumerMessage.CommittableOffset, NotUsed> durableOffsets(
      Source<ConsumerMessage.CommittableMessage<byte[], byte[]>, NotUsed> records,
      SourceContext context) {
    // its parser is not thread-safe
    var decoder = new KafkaRecords(settings.defaultSource(), settings.mapping());
    return records
        .mapConcat(decoder::decode)
        .via(context.pipeline().<ConsumerMessage.CommittableOffset>batchFlow(context.channel()))
        .mapConcat(
            outcomes -> {
              context.counters().countAll(outcomes);
              return lastCommittable(outcomes).map(List::of).orElse(List.of());
            })
        .async();
  }

  /**
   * The position to commit once a batch is durable: that of its last record all of whose events are
   * in it or before it (inside a record's fan-out, events carry no position). Throws {@link
   * NotDurableException} if any outcome of the batch is not durable.
   */
  static <P> Optional<P> lastCommittable(List<Outcome<P>> outcomes) {
    P last = null;
    for (Outcome<P> outcome : outcomes) {
      if (!outcome.isDurable()) {
        throw new NotDurableException(outcome);
      }
      last = outcome.position() != null ? outcome.position() : last;
    }
    return Optional.ofNullable(last);
  }

  /**
   * The group's lag per partition: what is in the topics and not yet durable here. Its first call
   * builds an admin client, which resolves the bootstrap names: called off the actor threads.
   */
  @Override
  public CompletionStage<Map<String, Object>> details() {
    return ConsumerLag.of(admin(), settings)
        .thenApply(
            lag -> {
              Map<String, Object> details = new HashMap<>(lag);
              details.put("groupId", settings.groupId());
              details.put("topics", settings.topicsByKind());
              return details;
            });
  }

  /**
   * The admin client for lag, built on first use outside the lock: building it can wait on DNS, and
   * {@link #close()} runs on an actor's thread.
   */
  private Admin admin() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the source is closed: its settings changed");
      }
      if (admin != null) {
        return admin;
      }
    }
    Admin built = KafkaClients.admin(settings, STATUS_TIMEOUT);
    synchronized (this) {
      if (!closed && admin == null) {
        admin = built;
        return built;
      }
    }
    closeLater(built);
    return admin();
  }

  @Override
  public void close() {
    Admin closing;
    synchronized (this) {
      closed = true;
      closing = admin;
      admin = null;
    }
    if (closing != null) {
      closeLater(closing);
    }
  }

  /** Closing waits for in-flight admin calls: never on the caller's (an actor's) thread. */
  private static void closeLater(Admin admin) {
    CompletableFuture.runAsync(() -> admin.close(STATUS_TIMEOUT));
  }

  @Override
  public CompletionStage<ConnectionCheck> test(SourceContext context) {
    return CompletableFuture.supplyAsync(
        () -> KafkaConnectionTest.run(settings, TEST_TIMEOUT), blocking(context));
  }

  private ConsumerSettings<byte[], byte[]> consumerSettings(SourceContext context) {
    return ConsumerSettings.create(
            context.system(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .withBootstrapServers(settings.bootstrapServers())
        .withGroupId(settings.groupId())
        .withClientId("shelfstream-" + context.spec().id())
        .withProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.startFrom())
        .withProperty(
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()))
        .withProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
        .withProperties(settings.properties())
        // the draining control waits for in-flight records itself
        .withStopTimeout(Duration.ZERO);
  }

  private CommitterSettings committerSettings(SourceContext context) {
    return CommitterSettings.create(context.system())
        .withMaxBatch(settings.commitMaxBatch())
        .withMaxInterval(settings.commitMaxInterval());
  }

  private static Executor blocking(SourceContext context) {
    return context.system().dispatchers().lookup(DispatcherSelector.blocking());
  }

  private static PartitionAssignmentHandler readyWhenAssigned(CompletableFuture<Done> ready) {
    return new PartitionAssignmentHandler() {
      @Override
      public void onAssign(Set<TopicPartition> assigned, RestrictedConsumer consumer) {
        ready.complete(Done.getInstance());
      }

      @Override
      public void onRevoke(Set<TopicPartition> revoked, RestrictedConsumer consumer) {}

      @Override
      public void onLost(Set<TopicPartition> lost, RestrictedConsumer consumer) {}

      @Override
      public void onStop(Set<TopicPartition> stopped, RestrictedConsumer consumer) {}
    };
  }

  /** A record the pipeline could not make durable: its offset must not be committed. */
  static final class NotDurableException extends RuntimeException {
    NotDurableException(Outcome<?> outcome) {
      super("record " + outcome.eventId() + " is not durable: " + outcome.reason());
    }
  }
}
