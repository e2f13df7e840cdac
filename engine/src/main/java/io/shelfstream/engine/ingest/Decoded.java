package io.shelfstream.engine.ingest;

import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.pos.ParseResult;

/**
 * A record of a source once decoded: an event, or a rejection with the raw text to keep. {@code
 * position} is where the record sits in its source (a line number, a Kafka offset...), carried
 * through so that the source can acknowledge it; {@code where} says the same for people.
 */
public sealed interface Decoded<P> {
  P position();

  String where();

  record Valid<P>(P position, String where, RetailEvent event) implements Decoded<P> {}

  /**
   * {@code recordKey} identifies the record in its source when the source can redeliver it (a Kafka
   * position), so that a redelivered rejection is kept once; null otherwise.
   */
  record Invalid<P>(
      P position,
      String where,
      String eventId,
      String source,
      String reason,
      String raw,
      String recordKey)
      implements Decoded<P> {}

  static <P> Decoded<P> of(
      P position, String where, ParseResult parsed, String defaultSource, byte[] raw) {
    return of(position, where, parsed, defaultSource, raw, null);
  }

  static <P> Decoded<P> of(
      P position,
      String where,
      ParseResult parsed,
      String defaultSource,
      byte[] raw,
      String recordKey) {
    if (parsed instanceof ParseResult.Parsed ok) {
      return new Valid<>(position, where, ok.event());
    }
    var rejected = (ParseResult.Rejected) parsed;
    return new Invalid<>(
        position,
        where,
        rejected.eventId(),
        rejected.source() != null ? rejected.source() : defaultSource,
        rejected.reason(),
        RawText.of(raw),
        recordKey);
  }
}
