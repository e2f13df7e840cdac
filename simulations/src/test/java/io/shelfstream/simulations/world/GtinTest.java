package io.shelfstream.simulations.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GtinTest {

  @Test
  void computesTheCheckDigitOfKnownBarcodes() {
    assertThat(Gtin.withCheckDigit("400638133393")).isEqualTo("4006381333931");
    assertThat(Gtin.withCheckDigit("590123412345")).isEqualTo("5901234123457");
    assertThat(Gtin.withCheckDigit("000000000000")).isEqualTo("0000000000000");
  }

  @Test
  void rejectsABodyThatIsNotTwelveDigits() {
    assertThatThrownBy(() -> Gtin.withCheckDigit("40063813339a")).hasMessageContaining("12 digits");
    assertThatThrownBy(() -> Gtin.withCheckDigit("12345")).hasMessageContaining("12 digits");
  }

  @Test
  void everyCatalogSkuIsAValidDistinctGtin() {
    Catalog catalog = Catalog.generate(2_000, new SplittableRandom(3));

    assertThat(catalog.products())
        .allSatisfy(
            product ->
                assertThat(Gtin.withCheckDigit(product.sku().substring(0, 12)))
                    .isEqualTo(product.sku()));
    assertThat(catalog.products().stream().map(Product::sku).distinct().count()).isEqualTo(2_000);
  }
}
