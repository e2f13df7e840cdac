package io.shelfstream.simulations.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.simulations.truth.ExpectedStock;
import io.shelfstream.simulations.truth.ExpectedStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One expected golden record: how to fetch its served twin, and how to compare them. */
sealed interface Checked permits Checked.Stock, Checked.Store {

  String entity();

  CompletableFuture<NodeClient.Fetched> fetch(NodeClient node);

  List<String> compare(JsonNode served);

  record Stock(ExpectedStock expected) implements Checked {

    @Override
    public String entity() {
      return "inventory " + expected.key();
    }

    @Override
    public CompletableFuture<NodeClient.Fetched> fetch(NodeClient node) {
      return node.inventory(expected.key());
    }

    @Override
    public List<String> compare(JsonNode served) {
      return RecordComparison.stock(expected, served);
    }
  }

  record Store(ExpectedStore expected) implements Checked {

    @Override
    public String entity() {
      return "store " + expected.storeId();
    }

    @Override
    public CompletableFuture<NodeClient.Fetched> fetch(NodeClient node) {
      return node.store(expected.storeId());
    }

    @Override
    public List<String> compare(JsonNode served) {
      return RecordComparison.store(expected, served);
    }
  }
}
