package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.ConnectionCheck;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.engine.secrets.SecretUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Can the brokers be reached with the integration's settings, and do its topics exist? */
final class KafkaConnectionTest {
  private KafkaConnectionTest() {}

  static ConnectionCheck run(KafkaSettings settings, SecretResolver secrets, Duration timeout) {
    Map<String, String> properties;
    try {
      properties = ClientProperties.resolve(settings.properties(), secrets);
    } catch (SecretUnavailableException e) {
      return new ConnectionCheck(false, e.getMessage());
    }
    try (Admin admin = KafkaClients.admin(settings, properties, timeout)) {
      int brokers =
          admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      var topics =
          admin
              .describeTopics(settings.topics())
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<String> described = new ArrayList<>();
      topics.forEach(
          (name, topic) -> described.add(name + " (" + topic.partitions().size() + " partitions)"));
      return new ConnectionCheck(
          true,
          "reached "
              + brokers
              + " broker(s) at "
              + settings.bootstrapServers()
              + "; topics "
              + String.join(", ", described));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnknownTopicOrPartitionException) {
        return new ConnectionCheck(
            false, "a topic does not exist among " + settings.topics() + ": " + cause.getMessage());
      }
      return new ConnectionCheck(
          false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (TimeoutException e) {
      return new ConnectionCheck(
          false,
          "no answer from "
              + settings.bootstrapServers()
              + " within "
              + timeout.toSeconds()
              + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectionCheck(false, "interrupted");
    } catch (RuntimeException e) {
      return new ConnectionCheck(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
