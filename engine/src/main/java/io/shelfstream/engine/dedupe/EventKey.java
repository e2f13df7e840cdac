package io.shelfstream.engine.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The key of one event in the dedupe index: the day of its {@code occurredAt}, and the first 128
 * bits of a SHA-256 of the record it belongs to and its {@code (source, eventId)}. Sixteen bytes of
 * digest per event however long the ids, and a cryptographic digest so that no sender can make its
 * id collide with another's: two different events of a day share a key with a probability below
 * 10^-14 over a trillion events.
 *
 * <p>The day comes first so that the index takes new keys in a narrow, hot range (today's, for a
 * source that sends as things happen) rather than at random places all over it. A redelivery
 * carries its event's time, so it finds its key; an id sent again with another day, which the wire
 * format does not allow, is a key of its own once memory forgot it.
 */
public record EventKey(int day, long high, long low) {
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  /**
   * The key of {@code (source, eventId)}, which occurred at {@code epochMilli}, in the record
   * {@code recordId} of {@code recordType}.
   */
  public static EventKey of(
      String recordType, String recordId, String source, String eventId, long epochMilli) {
    MessageDigest digest = SHA_256.get();
    for (String part : new String[] {recordType, recordId, source, eventId}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      // each part with its length, so that no two different tuples read as the same bytes
      digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      digest.update(bytes);
    }
    ByteBuffer hash = ByteBuffer.wrap(digest.digest());
    int day = Math.toIntExact(Math.floorDiv(epochMilli, 86_400_000L));
    return new EventKey(day, hash.getLong(), hash.getLong());
  }

  /** The digest part, as the index stores it. */
  public UUID digest() {
    return new UUID(high, low);
  }

  public static EventKey of(int day, UUID digest) {
    return new EventKey(day, digest.getMostSignificantBits(), digest.getLeastSignificantBits());
  }
}
