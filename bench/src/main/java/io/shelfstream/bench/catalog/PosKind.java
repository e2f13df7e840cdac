package io.shelfstream.bench.catalog;

/**
 * What a till records: a sale takes units off the shelf, a return and a void (a sale cancelled at
 * the till) put them back. A void has no type of its own on the POS wire: it travels as an {@code
 * adjustment} with reason {@code void}.
 */
enum PosKind {
  SALE("sale", -1),
  RETURN("return", 1),
  VOID("adjustment", 1);

  final String wireType;
  final int sign;

  PosKind(String wireType, int sign) {
    this.wireType = wireType;
    this.sign = sign;
  }

  /** 85% sales, 10% returns, 5% voids, from a uniform draw in [0, 100). */
  static PosKind ofPercentile(int percentile) {
    return percentile < 85 ? SALE : percentile < 95 ? RETURN : VOID;
  }
}
