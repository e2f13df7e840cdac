package io.shelfstream.protocols.mapping;

/**
 * One reason an input record did not map: the target field ({@code record} for the record as a
 * whole, {@code each} for its fan-out), the source path it came from as it reads for this record
 * ({@code line_items[2].sku}; {@code (none)} for a constant or default), and why.
 */
public record MappingError(String target, String source, String reason) {
  @Override
  public String toString() {
    return target + " (from " + source + "): " + reason;
  }
}
