package io.shelfstream.protocols.mapping.layout;

import java.time.ZoneId;

/**
 * What a built-in layout needs from its integration: the events' default {@code source}, the {@code
 * zone} of the feed's dates (written without an offset), the {@code locationId} of sales rows
 * (which carry none; other layouts ignore it) and, optionally, {@code eventIdColumn}: the column
 * holding each row's event id. Without it, a row's id is the digest of its mapped fields
 * (docs/mapping.md, Event ids); a file source that numbers rows itself adds that column to each row
 * before mapping it.
 */
public record LayoutOptions(String source, ZoneId zone, String locationId, String eventIdColumn) {

  /** Options whose rows get the digest of their fields as event id. */
  public LayoutOptions(String source, ZoneId zone, String locationId) {
    this(source, zone, locationId, null);
  }

  public LayoutOptions withEventIdColumn(String column) {
    return new LayoutOptions(source, zone, locationId, column);
  }
}
