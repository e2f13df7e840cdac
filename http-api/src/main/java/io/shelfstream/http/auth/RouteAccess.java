package io.shelfstream.http.auth;

import java.util.Arrays;
import java.util.List;

/**
 * The role each route needs, from its method and path alone: one decision per request, before any
 * route runs. A new route under {@code /v1} that is not named here needs any credential only, so
 * name it here when adding it.
 */
public final class RouteAccess {
  private static final Access PUBLIC = new Access.Public();
  private static final Access ANY = new Access.AnyCredential();
  private static final List<String> READ_ROOTS =
      List.of("inventory", "stores", "products", "golden-record", "locations", "dead-letters");

  private RouteAccess() {}

  public static Access of(String method, String path) {
    List<String> segments = segments(path);
    if (!segments.isEmpty() && segments.get(0).equals("health")) {
      return PUBLIC;
    }
    if (segments.size() < 2 || !segments.get(0).equals("v1")) {
      return ANY;
    }
    String root = segments.get(1);
    return switch (root) {
      case "pos" -> needs(Role.INGEST);
      case "integrations" -> integration(method, segments);
      case "mappings", "tokens", "audit" -> needs(Role.ADMIN);
      case "journal" -> needs(Role.REPLAY);
      default -> READ_ROOTS.contains(root) ? needs(Role.READ) : ANY;
    };
  }

  /** Management, token, replay and re-drive requests are audited; reading the audit is not. */
  public static boolean audited(String method, String path, Access access) {
    if (!(access instanceof Access.Needs needs)) {
      return false;
    }
    if (method.equals("GET") && segments(path).equals(List.of("v1", "audit"))) {
      return false;
    }
    return needs.role() == Role.ADMIN || needs.role() == Role.REPLAY;
  }

  private static Access integration(String method, List<String> segments) {
    boolean records = segments.size() == 4 && segments.get(3).equals("records");
    if (records) {
      return needs(Role.INGEST);
    }
    // the list and one integration's status: secrets in them are always shown as "***"
    boolean status = segments.size() <= 3 && method.equals("GET");
    return needs(status ? Role.READ : Role.ADMIN);
  }

  private static Access needs(Role role) {
    return new Access.Needs(role);
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
  }
}
