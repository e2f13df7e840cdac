package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.SALE_BASE;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static io.shelfstream.protocols.mapping.Mappings.saleWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.StockMovement;
import org.junit.jupiter.api.Test;

/** Each transform, and that they run in the order the mapping lists them. */
class TransformsTest {

  @Test
  void trimUpperAndLowerWorkOnText() {
    var upper =
        saleWith(
            "sku", "\"target\": \"sku\", \"source\": \"c\", \"transforms\": [\"trim\", \"upper\"]");
    var lower =
        saleWith("sku", "\"target\": \"sku\", \"source\": \"c\", \"transforms\": [\"lower\"]");
    assertThat(movement(upper, "\"c\":\"  ab-1 \"").key().sku()).isEqualTo("AB-1");
    assertThat(movement(lower, "\"c\":\"AB-1\"").key().sku()).isEqualTo("ab-1");
  }

  @Test
  void trimmingToNothingLeavesTheFieldAbsent() {
    var mapping =
        saleWith(
            "channel",
            "\"target\": \"channel\", \"source\": \"c\", \"transforms\": [\"trim\"],"
                + " \"default\": \"store\"");
    assertThat(movement(mapping, "\"c\":\"   \"").channel()).isEqualTo("store");
    assertThat(movement(mapping, "\"c\":\" web \"").channel()).isEqualTo("web");
  }

  @Test
  void multiplyTurnsCentsIntoUnitsExactly() {
    var mapping =
        saleWith(
            "unitPrice",
            "\"target\": \"unitPrice\", \"source\": \"cents\", \"transforms\": [{\"multiply\": 0.01}]");
    assertThat(movement(mapping, "\"cents\":499").unitPrice()).isEqualByComparingTo("4.99");
    assertThat(movement(mapping, "\"cents\":\"1999\"").unitPrice()).isEqualByComparingTo("19.99");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"cents\":\"n/a\"}"))
        .containsExactly("unitPrice (from cents): multiply needs a number, got \"n/a\"");
  }

  @Test
  void multiplyGivesWholeNumbersForIntegerFields() {
    var mapping =
        saleWith(
            "qty",
            "\"target\": \"qty\", \"source\": \"dozens\", \"transforms\": [{\"multiply\": \"12\"}]");
    assertThat(movement(mapping, "\"dozens\":2").qty()).isEqualTo(24);
  }

  @Test
  void concatJoinsOtherSourcesAndConstantsSkippingAbsentOnes() {
    var mapping =
        saleWith(
            "sku",
            "\"target\": \"sku\", \"source\": \"family\", \"transforms\": [{\"concat\": {\"parts\":"
                + " [{\"source\": \"variant.size\"}, {\"constant\": \"EU\"}], \"separator\": \"-\"}}]");
    assertThat(movement(mapping, "\"family\":\"TEE\",\"variant\":{\"size\":\"M\"}").key().sku())
        .isEqualTo("TEE-M-EU");
    assertThat(movement(mapping, "\"family\":\"TEE\"").key().sku()).isEqualTo("TEE-EU");
  }

  @Test
  void constantNeedsNoSource() {
    var mapping =
        saleWith("channel", "\"target\": \"channel\", \"transforms\": [{\"constant\": \"web\"}]");
    assertThat(movement(mapping, "\"x\":1").channel()).isEqualTo("web");
  }

  @Test
  void transformsRunInTheOrderListed() {
    var upperThenConcat =
        saleWith(
            "sku",
            "\"target\": \"sku\", \"source\": \"c\", \"transforms\": [\"upper\", {\"concat\":"
                + " {\"parts\": [{\"constant\": \"x\"}]}}]");
    var concatThenUpper =
        saleWith(
            "sku",
            "\"target\": \"sku\", \"source\": \"c\", \"transforms\": [{\"concat\": {\"parts\":"
                + " [{\"constant\": \"x\"}]}}, \"upper\"]");
    assertThat(movement(upperThenConcat, "\"c\":\"a\"").key().sku()).isEqualTo("Ax");
    assertThat(movement(concatThenUpper, "\"c\":\"a\"").key().sku()).isEqualTo("AX");
  }

  @Test
  void textTransformsRefuseObjects() {
    var mapping =
        saleWith("sku", "\"target\": \"sku\", \"source\": \"c\", \"transforms\": [\"trim\"]");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"c\":[1]}"))
        .containsExactly("sku (from c): trim needs a single value, got [1]");
  }

  private static StockMovement movement(Mapping mapping, String extra) {
    return (StockMovement) event(mapping, "{" + SALE_BASE + "," + extra + "}");
  }
}
