package io.shelfstream.protocols.event;

import java.math.BigDecimal;

/**
 * What a sale may say beyond its quantity, price and channel (the sales feed's columns). Absent
 * parts are null. A sale that gives none of them carries no SaleDetails at all (see {@link #of}),
 * so that the common sale costs no object more on the write path.
 */
public record SaleDetails(
    BigDecimal revenue, String customerSegment, String promotionCode, String fulfillment) {

  /** The details given, or null when none is. */
  public static SaleDetails of(
      BigDecimal revenue, String customerSegment, String promotionCode, String fulfillment) {
    if (revenue == null
        && customerSegment == null
        && promotionCode == null
        && fulfillment == null) {
      return null;
    }
    return new SaleDetails(revenue, customerSegment, promotionCode, fulfillment);
  }
}
