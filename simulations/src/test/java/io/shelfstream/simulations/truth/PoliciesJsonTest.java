package io.shelfstream.simulations.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.simulations.event.StoreField;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesJsonTest {

  @Test
  void readsTheDocumentTheNodeServes() {
    Policies policies =
        PoliciesJson.parse(
            """
        {"sourceRanking":["erp","wms","pos"],"inventory":{"onHand":{"policy":"last-write-wins"}},
         "store":{"fields":{"name":{"policy":"source-priority","sources":["erp","pos"],"stalenessSeconds":604800},
         "address":{"policy":"last-write-wins"},"timezone":{"policy":"last-write-wins"},"status":{"policy":"last-write-wins"}}}}
        """);

    assertThat(policies).isEqualTo(Policies.defaults());
  }

  @Test
  void sourcePriorityWithoutSourcesUsesTheGlobalRanking() {
    Policies policies =
        PoliciesJson.parse(
            """
        {"sourceRanking":["wms","erp"],"inventory":{"onHand":{"policy":"source-priority","stalenessSeconds":60}},"store":{}}
        """);

    assertThat(policies.inventoryOnHand())
        .isEqualTo(new Policy.SourcePriority(List.of("wms", "erp"), Duration.ofSeconds(60)));
    assertThat(policies.storeField(StoreField.NAME)).isEqualTo(new Policy.LastWriteWins());
  }

  @Test
  void aStoreDefaultAppliesToFieldsNotListed() {
    Policies policies =
        PoliciesJson.parse(
            """
        {"sourceRanking":["erp"],"inventory":{"onHand":{"policy":"last-write-wins"}},
         "store":{"default":{"policy":"source-priority","stalenessSeconds":0},"fields":{"name":{"policy":"last-write-wins"}}}}
        """);

    assertThat(policies.storeField(StoreField.NAME)).isEqualTo(new Policy.LastWriteWins());
    assertThat(policies.storeField(StoreField.STATUS)).isInstanceOf(Policy.SourcePriority.class);
  }

  @Test
  void unknownPoliciesAreErrorsThatNameTheirPlace() {
    assertThatThrownBy(
            () ->
                PoliciesJson.parse(
                    """
        {"sourceRanking":[],"inventory":{"onHand":{"policy":"first-write-wins"}}}"""))
        .hasMessageContaining("inventory.onHand.policy");
    assertThatThrownBy(
            () ->
                PoliciesJson.parse(
                    """
        {"sourceRanking":[],"inventory":{"onHand":{"policy":"source-priority"}}}"""))
        .hasMessageContaining("stalenessSeconds");
    assertThatThrownBy(() -> PoliciesJson.parse("not json")).hasMessageContaining("not valid JSON");
  }
}
