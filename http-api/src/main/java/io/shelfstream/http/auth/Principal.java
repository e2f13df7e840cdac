package io.shelfstream.http.auth;

import java.util.Set;

/**
 * Who sent a request, once their credential is checked. {@code actor} names them in the audit trail
 * (never a secret); {@code client} keys their rate limit. Empty {@code sources} or {@code stores}
 * mean no scope.
 */
public record Principal(
    String actor, String client, Set<Role> roles, Set<String> sources, Set<String> stores) {

  public Principal {
    roles = Set.copyOf(roles);
    sources = Set.copyOf(sources);
    stores = Set.copyOf(stores);
  }

  public boolean allows(Role needed) {
    return roles.contains(Role.ADMIN) || roles.contains(needed);
  }

  public boolean scoped() {
    return !sources.isEmpty() || !stores.isEmpty();
  }
}
