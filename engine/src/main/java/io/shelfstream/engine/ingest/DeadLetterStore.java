package io.shelfstream.engine.ingest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where rejected records are kept. A completed store means the letters are durable. */
public interface DeadLetterStore {

  CompletionStage<Void> store(List<DeadLetter> letters);

  /** The newest letters first. */
  CompletionStage<List<StoredDeadLetter>> newest(int limit);

  record StoredDeadLetter(long id, DeadLetter letter) {}
}
