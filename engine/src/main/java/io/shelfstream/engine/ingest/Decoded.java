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

  record Invalid<P>(
      P position, String where, String eventId, String source, String reason, String raw)
      implements Decoded<P> {}

  static <P> Decoded<P> of(
      P position, String where, ParseResult parsed, String defaultSource, byte[] raw) {
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
        RawText.of(raw));
  }
}
