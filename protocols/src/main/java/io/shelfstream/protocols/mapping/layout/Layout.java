package io.shelfstream.protocols.mapping.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.Identifiers;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The CSV feeds Shelfstream reads without a mapping (docs/mapping.md, Built-in layouts). Each is a
 * mapping spec kept as a resource and compiled like a user's, so it obeys the same rules and gives
 * the same errors; its options (zone, location, source) are filled in when it is compiled.
 */
public enum Layout {
  SALES(
      "sales",
      List.of("date", "product_id", "channel", "quantity_sold", "revenue"),
      List.of("customer_segment", "promotion_code", "fulfillment_method")),
  INVENTORY(
      "inventory",
      List.of("date", "product_id", "location", "stock_level"),
      List.of("reserved_stock", "in_transit", "supplier_id", "last_reorder_date")),
  DEMAND_SIGNALS(
      "demand-signals",
      List.of("date", "product_id", "external_demand"),
      List.of(
          "market_trend",
          "competitor_price",
          "weather_factor",
          "event_impact",
          "social_sentiment"));

  private final String layoutName;
  private final List<String> required;
  private final List<String> optional;
  private final ObjectNode spec;

  Layout(String layoutName, List<String> required, List<String> optional) {
    this.layoutName = layoutName;
    this.required = required;
    this.optional = optional;
    this.spec = load(layoutName + ".json");
  }

  /** The layout called {@code name} ({@code sales}, {@code inventory}, {@code demand-signals}). */
  public static Optional<Layout> fromName(String name) {
    return Arrays.stream(values()).filter(layout -> layout.layoutName.equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Layout::layoutName).toList();
  }

  public String layoutName() {
    return layoutName;
  }

  /** The columns a file of this layout must have, each with a value in every row. */
  public List<String> requiredColumns() {
    return required;
  }

  /** The columns it may have; an empty cell is an absent value. Other columns are ignored. */
  public List<String> optionalColumns() {
    return optional;
  }

  /** The required columns a header lacks, in layout order; empty when it has them all. */
  public List<String> missingColumns(Collection<String> header) {
    return required.stream().filter(column -> !header.contains(column)).toList();
  }

  /**
   * The layout's mapping with {@code options} filled in. Throws {@link IllegalArgumentException}
   * naming the option at fault: see {@link #optionsProblem}.
   */
  public Mapping mapping(LayoutOptions options) {
    Optional<String> problem = optionsProblem(options);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    CompileResult compiled = Mapping.compile(spec(options), options.source());
    if (compiled instanceof CompileResult.Invalid invalid) {
      throw new IllegalArgumentException(layoutName + " layout: " + invalid.reason());
    }
    return ((CompileResult.Compiled) compiled).mapping();
  }

  /** Why {@code options} cannot make this layout's mapping, as {@code option: problem}. */
  public Optional<String> optionsProblem(LayoutOptions options) {
    if (options == null || options.zone() == null) {
      return Optional.of("zone: is required: the zone of the feed's dates, such as Europe/Paris");
    }
    if (this == SALES && (options.locationId() == null || options.locationId().isBlank())) {
      return Optional.of(
          "locationId: is required for the sales layout, whose rows carry no location");
    }
    if (this == SALES) {
      Optional<String> badId = Identifiers.problem(options.locationId());
      if (badId.isPresent()) {
        return Optional.of("locationId: " + badId.get());
      }
    }
    if (options.eventIdColumn() != null && options.eventIdColumn().isBlank()) {
      return Optional.of("eventIdColumn: must not be blank");
    }
    CompileResult compiled = Mapping.compile(spec(options), options.source());
    return compiled instanceof CompileResult.Invalid invalid
        ? Optional.of(invalid.reason())
        : Optional.empty();
  }

  /** The spec as a user could have written it, for these options. */
  public ObjectNode spec(LayoutOptions options) {
    ObjectNode filled = spec.deepCopy();
    ArrayNode fields = (ArrayNode) filled.get("fields");
    for (JsonNode field : fields) {
      if (field.get("target").textValue().equals("occurredAt")) {
        ((ObjectNode) field).put("zone", options.zone().getId());
      }
    }
    if (this == SALES) {
      ObjectNode location = fields.addObject().put("target", "locationId");
      location.putArray("transforms").addObject().put("constant", options.locationId());
    }
    if (options.eventIdColumn() != null) {
      fields
          .addObject()
          .put("target", "eventId")
          .put("source", options.eventIdColumn())
          .put("required", true);
    }
    return filled;
  }

  private static ObjectNode load(String resource) {
    try (InputStream in = Layout.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("layout resource missing: " + resource);
      }
      // not a static field: an enum's constants are built before its static fields
      return (ObjectNode) new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
