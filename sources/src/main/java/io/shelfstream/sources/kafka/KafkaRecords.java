package io.shelfstream.sources.kafka;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.PosLines;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.engine.integration.MappedRecords;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffset;

/**
 * Decodes Kafka records: without a mapping, one POS event each (the POS wire format, one JSON
 * object per record), and a record without an eventId gets its position as idempotency key, so that
 * a redelivery after a crash or rebalance is still recognised; with a mapping, JSON of any shape,
 * each record giving all its events or one dead letter naming every failed field.
 *
 * <p>A record's events carry its offset only on the last of them (the others none), so that a batch
 * that ends inside a record's fan-out never commits that record.
 */
final class KafkaRecords {
  private final PosLineParser parser;
  private final MappedRecords mapped;
  private final String defaultSource;

  KafkaRecords(String defaultSource, Optional<Mapping> mapping) {
    this.parser = new PosLineParser(defaultSource);
    this.mapped = mapping.map(m -> new MappedRecords(m, defaultSource)).orElse(null);
    this.defaultSource = defaultSource;
  }

  List<Decoded<CommittableOffset>> decode(CommittableMessage<byte[], byte[]> message) {
    ConsumerRecord<byte[], byte[]> record = message.record();
    String where =
        "topic "
            + record.topic()
            + " partition "
            + record.partition()
            + " offset "
            + record.offset();
    String key = "kafka:" + record.topic() + ":" + record.partition() + ":" + record.offset();
    CommittableOffset offset = message.committableOffset();
    if (record.value() == null) {
      return List.of(
          new Decoded.Invalid<>(
              offset, where, null, defaultSource, "record: has no value", "", key));
    }
    if (mapped != null) {
      return offsetOnLast(mapped.decode(offset, where, record.value(), key));
    }
    if (record.value().length > PosLines.MAX_LINE_BYTES) {
      return List.of(
          new Decoded.Invalid<>(
              offset,
              where,
              null,
              defaultSource,
              "record: longer than "
                  + PosLines.MAX_LINE_BYTES
                  + " bytes ("
                  + record.value().length
                  + " bytes)",
              RawText.of(Arrays.copyOf(record.value(), RawText.MAX_KEPT_BYTES)),
              key));
    }
    return List.of(
        Decoded.of(
            offset, where, parser.parse(record.value(), key), defaultSource, record.value(), key));
  }

  /** The record's events with its position on the last one only, the others with none. */
  static <P> List<Decoded<P>> offsetOnLast(List<Decoded<P>> decoded) {
    if (decoded.size() == 1) {
      return decoded;
    }
    List<Decoded<P>> marked = new ArrayList<>(decoded.size());
    for (int i = 0; i < decoded.size() - 1; i++) {
      var valid = (Decoded.Valid<P>) decoded.get(i);
      marked.add(new Decoded.Valid<>(null, valid.where(), valid.event()));
    }
    marked.add(decoded.get(decoded.size() - 1));
    return marked;
  }
}
