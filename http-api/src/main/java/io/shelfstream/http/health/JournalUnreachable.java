package io.shelfstream.http.health;

import io.shelfstream.persistence.db.DatabaseProbe;

/** How the API says that the journal's database is unreachable. */
public final class JournalUnreachable {
  private JournalUnreachable() {}

  public static String reason(DatabaseProbe.Status status) {
    return "journal database unreachable since " + status.since() + ": " + status.error();
  }
}
