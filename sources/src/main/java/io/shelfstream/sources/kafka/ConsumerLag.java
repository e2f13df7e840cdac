package io.shelfstream.sources.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the integration's consumer group is behind, per partition: the end offset minus the
 * committed offset (minus the start offset where the group has committed nothing yet).
 */
final class ConsumerLag {
  private ConsumerLag() {}

  static CompletionStage<Map<String, Object>> of(Admin admin, KafkaSettings settings) {
    return admin
        .describeTopics(settings.topics())
        .allTopicNames()
        .toCompletionStage()
        .thenCompose(
            topics -> {
              Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
              Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
              topics.forEach(
                  (name, description) ->
                      description
                          .partitions()
                          .forEach(
                              partition -> {
                                var tp = new TopicPartition(name, partition.partition());
                                latest.put(tp, OffsetSpec.latest());
                                earliest.put(tp, OffsetSpec.earliest());
                              }));
              var ends = admin.listOffsets(latest).all().toCompletionStage();
              var starts = admin.listOffsets(earliest).all().toCompletionStage();
              var committed =
                  admin
                      .listConsumerGroupOffsets(settings.groupId())
                      .partitionsToOffsetAndMetadata()
                      .toCompletionStage();
              return ends.thenCombine(starts, Pair::new)
                  .thenCombine(
                      committed, (offsets, commits) -> lag(offsets.ends, offsets.starts, commits));
            });
  }

  private record Pair(
      Map<TopicPartition, ListOffsetsResultInfo> ends,
      Map<TopicPartition, ListOffsetsResultInfo> starts) {}

  private static Map<String, Object> lag(
      Map<TopicPartition, ListOffsetsResultInfo> ends,
      Map<TopicPartition, ListOffsetsResultInfo> starts,
      Map<TopicPartition, OffsetAndMetadata> committed) {
    Map<String, Long> byPartition = new TreeMap<>();
    long total = 0;
    for (var entry : ends.entrySet()) {
      TopicPartition tp = entry.getKey();
      OffsetAndMetadata commit = committed.get(tp);
      long position = commit != null ? commit.offset() : starts.get(tp).offset();
      long lag = Math.max(0, entry.getValue().offset() - position);
      byPartition.put(tp.topic() + "/" + tp.partition(), lag);
      total += lag;
    }
    return Map.of("lag", byPartition, "totalLag", total);
  }
}
