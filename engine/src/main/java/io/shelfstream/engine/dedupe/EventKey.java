package io.shelfstream.engine.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The key of one event in the dedupe index: the first 128 bits of a SHA-256 of the record it
 * belongs to and its {@code (source, eventId)}. Sixteen bytes per event however long the ids, and a
 * cryptographic digest so that no sender can make its id collide with another's: two different
 * events share a key with a probability below 10^-14 over a trillion events.
 */
public record EventKey(long high, long low) {
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  /** The key of {@code (source, eventId)} in the record {@code recordId} of {@code recordType}. */
  public static EventKey of(String recordType, String recordId, String source, String eventId) {
    MessageDigest digest = SHA_256.get();
    for (String part : new String[] {recordType, recordId, source, eventId}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      // each part with its length, so that no two different tuples read as the same bytes
      digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      digest.update(bytes);
    }
    ByteBuffer hash = ByteBuffer.wrap(digest.digest());
    return new EventKey(hash.getLong(), hash.getLong());
  }

  public UUID toUuid() {
    return new UUID(high, low);
  }

  public static EventKey of(UUID uuid) {
    return new EventKey(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }
}
