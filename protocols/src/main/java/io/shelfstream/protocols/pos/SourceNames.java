package io.shelfstream.protocols.pos;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One String instance per source name, per parser. Every event carries its source, and the golden
 * records remember the ids of up to thousands of events per SKU, each with its source: without
 * this, each remembered id kept its own copy of a name like "pos". Bounded: past {@value
 * #MAX_NAMES} distinct names (a misbehaving sender), a name is kept as given.
 */
final class SourceNames {
  static final int MAX_NAMES = 1024;
  private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

  String canonical(String name) {
    if (name == null) {
      return null;
    }
    String known = names.get(name);
    if (known != null) {
      return known;
    }
    if (names.size() >= MAX_NAMES) {
      return name;
    }
    String first = names.putIfAbsent(name, name);
    return first != null ? first : name;
  }
}
