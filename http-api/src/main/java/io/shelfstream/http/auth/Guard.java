package io.shelfstream.http.auth;

import io.shelfstream.http.auth.audit.Auditor;
import io.shelfstream.http.json.Json;
import io.shelfstream.http.limits.ClientAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * In front of every route: decides what the request needs ({@link RouteAccess}), checks its
 * credential once, answers 401, 403 or 429 with a JSON body saying why, and records management,
 * token and replay requests in the audit trail with their answer's status. With security off,
 * requests pass as they are, and audited ones are recorded as "anonymous".
 */
public final class Guard extends AllDirectives {
  private static final String ANONYMOUS = "anonymous";
  private final boolean enabled;
  private final Authenticator authenticator;
  private final Optional<RateLimiter> rateLimiter;
  private final Auditor auditor;

  public Guard(
      boolean enabled,
      Authenticator authenticator,
      Optional<RateLimiter> rateLimiter,
      Auditor auditor) {
    this.enabled = enabled;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.auditor = auditor;
  }

  /** {@code inner} handles its own exceptions and rejections, so that audits see final answers. */
  public Route wrap(Supplier<Route> inner) {
    return extractRequest(
        request -> {
          String method = request.method().name();
          String path = request.getUri().path();
          Access access = RouteAccess.of(method, path);
          var actor = new AtomicReference<>(ANONYMOUS);
          Route guarded =
              !enabled || access instanceof Access.Public
                  ? inner.get()
                  : onSuccess(
                      authenticator.authenticate(
                          request.getHeader("Authorization").map(header -> header.value())),
                      verdict -> decide(verdict, access, request, actor, inner));
          if (!RouteAccess.audited(method, path, access)) {
            return guarded;
          }
          return mapResponse(
              response -> {
                auditor.record(
                    actor.get(),
                    method,
                    path,
                    response.status().intValue(),
                    ClientAddress.of(request));
                return response;
              },
              () -> guarded);
        });
  }

  private Route decide(
      Verdict verdict,
      Access access,
      HttpRequest request,
      AtomicReference<String> actor,
      Supplier<Route> inner) {
    if (verdict instanceof Verdict.Unauthenticated refused) {
      // refusals count against the address: guessing tokens (each unknown one is a database
      // query) is limited like any other client
      String address = ClientAddress.of(request);
      long wait = rateLimiter.map(limiter -> limiter.take("address " + address)).orElse(0L);
      return complete(
          wait > 0
              ? tooMany(address, wait)
              : refusal(StatusCodes.UNAUTHORIZED, refused.reason(), access));
    }
    Principal principal = ((Verdict.Authenticated) verdict).principal();
    actor.set(principal.actor());
    if (access instanceof Access.Needs needs && !principal.allows(needs.role())) {
      return complete(
          refusal(
              StatusCodes.FORBIDDEN,
              principal.actor() + " has no role " + needs.role().wireName(),
              access));
    }
    long wait = rateLimiter.map(limiter -> limiter.take(principal.client())).orElse(0L);
    if (wait > 0) {
      return complete(tooMany(principal.actor(), wait));
    }
    return mapRequest(
        withPrincipal -> withPrincipal.addAttribute(Principals.KEY, principal), inner);
  }

  private static HttpResponse tooMany(String client, long waitSeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "error",
        "too many requests from "
            + client
            + " (shelfstream.security.rate-limit); nothing of this request was read: resend it"
            + " after "
            + waitSeconds
            + " s");
    body.put("retryAfterSeconds", waitSeconds);
    return Json.response(StatusCodes.TOO_MANY_REQUESTS, body)
        .addHeader(RetryAfter.create(waitSeconds))
        .addHeader(Connection.create("close"));
  }

  private static HttpResponse refusal(StatusCode status, String reason, Access access) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (access instanceof Access.Needs needs) {
      body.put("error", reason + "; this route needs the role " + needs.role().wireName());
      body.put("requiredRole", needs.role().wireName());
    } else {
      body.put("error", reason + "; this route needs a valid credential");
    }
    HttpResponse response = Json.response(status, body);
    return status == StatusCodes.UNAUTHORIZED
        ? response.addHeader(
            org.apache.pekko.http.javadsl.model.HttpHeader.parse(
                "WWW-Authenticate", "Bearer realm=\"shelfstream\""))
        : response;
  }
}
