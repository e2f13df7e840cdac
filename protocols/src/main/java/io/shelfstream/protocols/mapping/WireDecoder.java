package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.pos.FieldError;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a mapped event through the POS wire format's own parser, so that mapped records obey
 * exactly the rules POS lines do (docs/pos-wire-format.md), and translates its errors back to the
 * mapping's sources.
 */
final class WireDecoder {
  /**
   * Non-ASCII is written escaped so that a lone UTF-16 surrogate reaches the POS rules as the
   * {@code \ud83d} they reject, rather than failing the encoding or becoming "?".
   */
  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

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
    byte[] line;
    try {
      line = WRITER.writeValueAsBytes(wire);
    } catch (JsonProcessingException e) {
      errors.add(new MappingError("record", sourceOf.apply("record"), "cannot be written as JSON"));
      return null;
    }
    ParseResult result = parser.parse(line);
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
