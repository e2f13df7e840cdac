package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.StoreField;
import java.util.Map;

/** The store record the node must serve: only fields ever received are present. */
public record ExpectedStore(String storeId, Map<StoreField, Candidate<String>> fields) {

  public ExpectedStore {
    fields = Map.copyOf(fields);
  }
}
