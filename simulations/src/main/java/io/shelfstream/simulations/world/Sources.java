package io.shelfstream.simulations.world;

/** Which system reports what in the simulated retailer. */
public final class Sources {

  /** Tills and in-store handhelds: sales, returns, store receipts, store counts and shrink. */
  public static final String POS = "pos";

  /** The warehouse management system: everything that happens in a warehouse. */
  public static final String WMS = "wms";

  /** Head office: store master data. */
  public static final String ERP = "erp";

  private Sources() {}
}
