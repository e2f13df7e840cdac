package io.shelfstream.sources.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which listed files are ready to read: those that match a feed and are complete, by the settings'
 * rule. A file is complete once its done-marker exists, or once its size and time are unchanged
 * over {@code stable-for} across listings: a file being written grows or changes its time, and is
 * left for a later poll. Called by one poll at a time.
 */
final class FilePoller {
  private final FileSettings settings;
  private final Clock clock;
  private final Map<String, Seen> seen = new HashMap<>();

  private record Seen(long size, Instant modified, Instant since) {}

  record Ready(StoredFile file, FileFeed feed) {}

  FilePoller(FileSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  List<Ready> ready(List<StoredFile> listed) {
    Instant now = clock.instant();
    Set<String> names = new HashSet<>();
    listed.forEach(file -> names.add(file.name()));
    seen.keySet().retainAll(names);
    List<Ready> ready = new ArrayList<>();
    for (StoredFile file :
        listed.stream().sorted(java.util.Comparator.comparing(StoredFile::name)).toList()) {
      Optional<FileFeed> feed = feedOf(file.name());
      if (feed.isEmpty() || isMarker(file.name())) {
        continue;
      }
      if (complete(file, names, now)) {
        ready.add(new Ready(file, feed.get()));
      }
    }
    return ready;
  }

  private boolean complete(StoredFile file, Set<String> names, Instant now) {
    if (settings.doneMarker() != null) {
      return names.contains(file.name() + settings.doneMarker());
    }
    Seen before = seen.get(file.name());
    if (before == null
        || before.size() != file.size()
        || !before.modified().equals(file.modified())) {
      seen.put(file.name(), new Seen(file.size(), file.modified(), now));
      return settings.stableFor().isZero();
    }
    return Duration.between(before.since(), now).compareTo(settings.stableFor()) >= 0;
  }

  private boolean isMarker(String name) {
    return settings.doneMarker() != null && name.endsWith(settings.doneMarker());
  }

  private Optional<FileFeed> feedOf(String name) {
    return settings.feeds().stream().filter(feed -> feed.matches(name)).findFirst();
  }
}
