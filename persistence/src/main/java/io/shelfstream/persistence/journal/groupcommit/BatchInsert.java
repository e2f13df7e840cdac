package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.persistence.db.Dialect;
import io.shelfstream.persistence.groupcommit.GroupCommitWriter;

/**
 * Writes many journal rows and their tags in the caller's transaction, in as few round trips as the
 * database allows.
 */
interface BatchInsert extends GroupCommitWriter.Insert<JournalRow> {

  static BatchInsert forDialect(Dialect dialect) {
    return switch (dialect) {
      case POSTGRES -> new PostgresCopyInsert();
      case H2 -> new H2BatchInsert();
    };
  }
}
