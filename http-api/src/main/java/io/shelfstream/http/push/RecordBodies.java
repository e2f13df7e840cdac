package io.shelfstream.http.push;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.Line;
import io.shelfstream.engine.ingest.LineFraming;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.engine.integration.MappedRecords;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.JsonFraming;
import org.apache.pekko.util.ByteString;

/**
 * How a body of records is cut into records and mapped: a JSON array of objects (each record named
 * by its index from 0), or NDJSON (each named by its line from 1). Records are framed as they
 * stream in, so a body of any length is read in bounded memory.
 */
final class RecordBodies {
  private RecordBodies() {}

  static Flow<ByteString, Decoded<Long>, NotUsed> jsonArray(MappedRecords mapped) {
    AtomicLong index = new AtomicLong();
    return Flow.<ByteString>create()
        .via(JsonFraming.objectScanner(MappedRecords.MAX_RECORD_BYTES))
        .mapConcat(
            record -> {
              long at = index.getAndIncrement();
              return mapped.decode(at, "record " + at, record.toArray(), null);
            });
  }

  static Flow<ByteString, Decoded<Long>, NotUsed> ndjson(MappedRecords mapped, String source) {
    return Flow.<ByteString>create()
        .via(new LineFraming(MappedRecords.MAX_RECORD_BYTES))
        .filter(line -> !line.isBlank())
        .mapConcat(line -> decodeLine(mapped, source, line));
  }

  private static List<Decoded<Long>> decodeLine(MappedRecords mapped, String source, Line line) {
    String where = "line " + line.number();
    if (line.overlong()) {
      return List.of(
          new Decoded.Invalid<>(
              line.number(),
              where,
              null,
              source,
              "record: longer than "
                  + MappedRecords.MAX_RECORD_BYTES
                  + " bytes ("
                  + line.length()
                  + " bytes)",
              mapped.keptRaw(line.bytes().take(RawText.MAX_KEPT_BYTES).toArray()),
              null));
    }
    return mapped.decode(line.number(), where, line.bytes().toArray(), null);
  }
}
