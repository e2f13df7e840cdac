package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.pos.FieldError;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a mapped event through the POS wire format's own parser, so that mapped records obey
 * exactly the rules POS lines do (docs/pos-wire-format.md), and translates its errors back to the
 * mapping's sources. The parser reads the mapped object itself: writing it out as JSON text for the
 * parser to read back was a third of the time a file row took to map.
 */
final class WireDecoder {
  private final PosLineParser parser;

  WireDecoder(String defaultSource) {
    this.parser = new PosLineParser(defaultSource);
  }

  /**
   * The POS parser's verdict on {@code wire}; {@code sourceOf} names the source of a wire field as
   * it reads for this record. Errors go to {@code errors}; null when there are any.
   */
  ParseResult.Parsed decode(
      ObjectNode wire, Function<String, String> sourceOf, List<MappingError> errors) {
    ParseResult result = parser.parse(wire);
    if (result instanceof ParseResult.Parsed parsed) {
      return parsed;
    }
    for (FieldError error : ((ParseResult.Rejected) result).errors()) {
      String target = error.field().equals("line") ? "record" : error.field();
      errors.add(new MappingError(target, sourceOf.apply(target), error.reason()));
    }
    return null;
  }
}
