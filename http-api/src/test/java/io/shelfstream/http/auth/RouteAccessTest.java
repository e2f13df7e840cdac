package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteAccessTest {

  @ParameterizedTest
  @CsvSource({
    "GET, /health, public",
    "GET, /health/ready, public",
    "GET, /health/live, public",
    "POST, /v1/pos/events, ingest",
    "POST, /v1/integrations/web/records, ingest",
    "GET, /v1/inventory/S001/SKU-1, read",
    "GET, /v1/stores/S001, read",
    "GET, /v1/products/SKU-1/demand-signals, read",
    "GET, /v1/golden-record/policies, read",
    "GET, /v1/locations/S001/activity, read",
    "GET, /v1/dead-letters, read",
    "GET, /v1/integrations, read",
    "GET, /v1/integrations/web, read",
    "PUT, /v1/integrations/web, admin",
    "DELETE, /v1/integrations/web, admin",
    "POST, /v1/integrations/web/pause, admin",
    "POST, /v1/integrations/web/resume, admin",
    "POST, /v1/integrations/web/trigger, admin",
    "POST, /v1/integrations/web/test, admin",
    "POST, /v1/mappings/test, admin",
    "GET, /v1/tokens, admin",
    "POST, /v1/tokens, admin",
    "DELETE, /v1/tokens/abc, admin",
    "GET, /v1/audit, admin",
    "GET, /v1/journal/tags, replay",
    "GET, /v1/journal/tags/inventory-0/events, replay",
    "GET, /v1/journal/entities/Inventory|S001|SKU-1/events, replay",
    "GET, /v1/nothing, any",
    "GET, /, any",
    "GET, /metrics, any"
  })
  void eachRouteNeedsItsRole(String method, String path, String expected) {
    Access access = RouteAccess.of(method, path);
    String need =
        access instanceof Access.Needs needs
            ? needs.role().wireName()
            : access instanceof Access.Public ? "public" : "any";
    assertThat(need).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /v1/integrations/web, true",
    "POST, /v1/tokens, true",
    "DELETE, /v1/tokens/abc, true",
    "GET, /v1/journal/tags, true",
    "POST, /v1/mappings/test, true",
    "GET, /v1/audit, false",
    "POST, /v1/pos/events, false",
    "GET, /v1/inventory/S001/SKU-1, false",
    "GET, /health, false"
  })
  void managementTokenAndReplayRequestsAreAudited(String method, String path, boolean audited) {
    assertThat(RouteAccess.audited(method, path, RouteAccess.of(method, path))).isEqualTo(audited);
  }

  @ParameterizedTest
  @CsvSource({
    "admin, ingest, true",
    "admin, replay, true",
    "read, ingest, false",
    "ingest, ingest, true"
  })
  void adminImpliesEveryRole(String held, String needed, boolean allowed) {
    var principal =
        new Principal(
            "t",
            "t",
            java.util.Set.of(Role.parse(held).orElseThrow()),
            java.util.Set.of(),
            java.util.Set.of());
    assertThat(principal.allows(Role.parse(needed).orElseThrow())).isEqualTo(allowed);
  }
}
