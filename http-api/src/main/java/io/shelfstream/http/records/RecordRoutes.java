package io.shelfstream.http.records;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.http.json.Json;
import io.shelfstream.protocols.event.InventoryKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** Reads of the golden record, answered by the entities themselves (never stale). */
public final class RecordRoutes extends AllDirectives {
  private final GoldenRecords records;

  public RecordRoutes(GoldenRecords records) {
    this.records = records;
  }

  public Route route() {
    return get(
        () ->
            concat(
                path(
                    segment("v1")
                        .slash("inventory")
                        .slash(PathMatchers.segment())
                        .slash(PathMatchers.segment()),
                    (locationId, sku) ->
                        completeWithFuture(
                            found(
                                records.inventory(new InventoryKey(locationId, sku)),
                                "no inventory record for location "
                                    + locationId
                                    + ", sku "
                                    + sku))),
                path(
                    segment("v1").slash("stores").slash(PathMatchers.segment()),
                    storeId ->
                        completeWithFuture(
                            found(records.store(storeId), "no record for store " + storeId))),
                path(
                    segment("v1")
                        .slash("products")
                        .slash(PathMatchers.segment())
                        .slash("demand-signals"),
                    productId ->
                        completeWithFuture(
                            found(
                                records.demandSignals(productId),
                                "no demand signals for product " + productId))),
                path(
                    segment("v1").slash("golden-record").slash("policies"),
                    () -> complete(Json.ok(PolicyView.of(records.settings()))))));
  }

  private static <T> CompletionStage<HttpResponse> found(
      CompletionStage<Optional<T>> lookup, String missing) {
    return lookup.thenApply(
        view -> view.map(Json::ok).orElseGet(() -> Json.error(StatusCodes.NOT_FOUND, missing)));
  }
}
