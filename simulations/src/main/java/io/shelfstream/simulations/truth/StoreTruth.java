package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StoreField;
import java.util.EnumMap;
import java.util.Map;

/** Expected state of one store: each field resolved on its own, by its own policy. */
final class StoreTruth {

  private final Policies policies;
  private final Map<StoreField, Selection<String>> fields = new EnumMap<>(StoreField.class);

  StoreTruth(Policies policies) {
    this.policies = policies;
  }

  void accept(StoreUpdate update) {
    Stamp stamp = Stamp.of(update);
    update
        .fields()
        .forEach(
            (field, value) ->
                fields
                    .computeIfAbsent(
                        field, f -> policies.storeField(f).newSelection(policies.sourceRanking()))
                    .offer(new Candidate<>(value, stamp)));
  }

  ExpectedStore expected(String storeId) {
    Map<StoreField, Candidate<String>> chosen = new EnumMap<>(StoreField.class);
    fields.forEach((field, selection) -> chosen.put(field, selection.chosen()));
    return new ExpectedStore(storeId, chosen);
  }
}
