package io.shelfstream.sources.kafka;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.PosLines;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.kafka.ConsumerMessage;

/**
 * Decodes Kafka records holding one POS event each (the POS wire format, one JSON object per
 * record). A record without an eventId gets its position as idempotency key, so that a redelivery
 * after a crash or rebalance is still recognised.
 */
final class KafkaRecords {
  private final PosLineParser parser;
  private final String defaultSource;

  KafkaRecords(String defaultSource) {
    this.parser = new PosLineParser(defaultSource);
    this.defaultSource = defaultSource;
  }

  Decoded<ConsumerMessage.CommittableOffset> decode(
      ConsumerMessage.CommittableMessage<byte[], byte[]> message) {
    ConsumerRecord<byte[], byte[]> record = message.record();
    String where =
        "topic "
            + record.topic()
            + " partition "
            + record.partition()
            + " offset "
            + record.offset();
    String key = "kafka:" + record.topic() + ":" + record.partition() + ":" + record.offset();
    if (record.value() == null) {
      return new Decoded.Invalid<>(
          message.committableOffset(), where, null, defaultSource, "record: has no value", "", key);
    }
    if (record.value().length > PosLines.MAX_LINE_BYTES) {
      return new Decoded.Invalid<>(
          message.committableOffset(),
          where,
          null,
          defaultSource,
          "record: longer than "
              + PosLines.MAX_LINE_BYTES
              + " bytes ("
              + record.value().length
              + " bytes)",
          RawText.of(Arrays.copyOf(record.value(), RawText.MAX_KEPT_BYTES)),
          key);
    }
    return Decoded.of(
        message.committableOffset(),
        where,
        parser.parse(record.value(), key),
        defaultSource,
        record.value(),
        key);
  }
}
