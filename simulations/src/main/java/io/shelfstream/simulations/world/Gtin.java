package io.shelfstream.simulations.world;

/** GTIN-13 (EAN-13) numbers: the SKUs of the simulated catalog are the products' barcodes. */
public final class Gtin {

  private Gtin() {}

  /** Appends the check digit to twelve digits. */
  public static String withCheckDigit(String twelveDigits) {
    if (twelveDigits.length() != 12 || !allDigits(twelveDigits)) {
      throw new IllegalArgumentException(
          "a GTIN-13 body is 12 digits, got \"" + twelveDigits + "\"");
    }
    return twelveDigits + checkDigit(twelveDigits);
  }

  /** Weights 1 and 3 alternate from the left over the 12 body digits. */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(i) - '0';
      sum += (i % 2 == 0) ? digit : 3 * digit;
    }
    return (10 - sum % 10) % 10;
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
