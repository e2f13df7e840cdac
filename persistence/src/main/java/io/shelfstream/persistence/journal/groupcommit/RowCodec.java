package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import io.shelfstream.engine.entity.RecordRows;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.PersistentRepr$;
import org.apache.pekko.persistence.journal.Tagged;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns persistent events into journal rows and back, with Pekko's serialization, the way
 * pekko-persistence-jdbc does, so that its read journal reads what this journal writes. A row of
 * events that go into the dedupe index ({@link IndexedEvents}) carries their keys.
 */
final class RowCodec {
  private final Serialization serialization;

  RowCodec(Serialization serialization) {
    this.serialization = serialization;
  }

  /** The rows of one atomic write; throws if an event cannot be serialized (a rejection). */
  List<JournalRow> rows(AtomicWrite write, long now) {
    var reprs = CollectionConverters.asJava(write.payload());
    List<JournalRow> rows = new ArrayList<>(reprs.size());
    for (PersistentRepr repr : reprs) {
      rows.add(row(repr, now));
    }
    return rows;
  }

  private JournalRow row(PersistentRepr repr, long now) {
    Object payload = repr.payload();
    List<String> tags = List.of();
    if (payload instanceof Tagged tagged) {
      payload = tagged.payload();
      tags = List.copyOf(CollectionConverters.asJava(tagged.tags()));
    }
    List<EventKey> keys = new ArrayList<>();
    if (payload instanceof IndexedEvents indexed) {
      indexed.forEachKey(repr.persistenceId(), keys::add);
    }
    List<JournalRow.RecordRow> records = new ArrayList<>(0);
    if (payload instanceof RecordRows rows) {
      rows.forEachRow((recordId, state) -> records.add(new JournalRow.RecordRow(recordId, state)));
    }
    Serializer serializer = serialization.findSerializerFor(payload);
    byte[] bytes = serializer.toBinary(payload);
    Integer metaId = null;
    String metaManifest = null;
    byte[] metaBytes = null;
    if (repr.metadata().isDefined()) {
      Object meta = repr.metadata().get();
      Serializer metaSerializer = serialization.findSerializerFor(meta);
      metaId = metaSerializer.identifier();
      metaManifest = Serializers.manifestFor(metaSerializer, meta);
      metaBytes = metaSerializer.toBinary(meta);
    }
    return new JournalRow(
        repr.persistenceId(),
        repr.sequenceNr(),
        repr.writerUuid(),
        repr.timestamp() > 0 ? repr.timestamp() : now,
        repr.manifest(),
        serializer.identifier(),
        Serializers.manifestFor(serializer, payload),
        bytes,
        metaId,
        metaManifest,
        metaBytes,
        tags,
        keys,
        records);
  }

  /** The event of a stored row, as recovery wants it. */
  PersistentRepr event(
      String persistenceId,
      long sequenceNr,
      String writer,
      long writeTimestamp,
      String adapterManifest,
      int serializerId,
      String serializerManifest,
      byte[] payload,
      Integer metaSerializerId,
      String metaSerializerManifest,
      byte[] metaPayload) {
    Object event = serialization.deserialize(payload, serializerId, serializerManifest).get();
    PersistentRepr repr =
        PersistentRepr$.MODULE$
            .apply(
                event,
                sequenceNr,
                persistenceId,
                adapterManifest,
                false,
                ActorRef.noSender(),
                writer)
            .withTimestamp(writeTimestamp);
    if (metaSerializerId != null) {
      repr =
          repr.withMetadata(
              serialization
                  .deserialize(metaPayload, metaSerializerId, metaSerializerManifest)
                  .get());
    }
    return repr;
  }
}
