package io.shelfstream.sources.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * left for a later listing. Called by one poll at a time.
 *
 * <p>A file waiting out {@code stable-for} is worth a look again as soon as that time has passed,
 * not a whole poll interval later (15 minutes on sftp): {@link #recheckIn()} says when.
 */
final class FilePoller {
  private final FileSettings settings;
  private final Clock clock;
  private final Map<String, Seen> seen = new HashMap<>();
  private Duration recheckIn;

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
    recheckIn = null;
    List<Ready> ready = new ArrayList<>();
    for (StoredFile file :
        listed.stream().sorted(Comparator.comparing(StoredFile::name)).toList()) {
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

  /**
   * After {@link #ready}: how long until a file it left waiting for {@code stable-for} can be
   * complete, if that comes before the next poll. A done-marker's arrival cannot be foreseen, so it
   * waits for the next poll.
   */
  Optional<Duration> recheckIn() {
    return Optional.ofNullable(recheckIn)
        .filter(wait -> wait.compareTo(settings.pollInterval()) < 0);
  }

  private boolean complete(StoredFile file, Set<String> names, Instant now) {
    if (settings.doneMarker() != null) {
      return names.contains(file.name() + settings.doneMarker());
    }
    Seen before = seen.get(file.name());
    if (before == null
        || before.size() != file.size()
        || !before.modified().equals(file.modified())) {
      before = new Seen(file.size(), file.modified(), now);
      seen.put(file.name(), before);
      if (settings.stableFor().isZero()) {
        return true;
      }
    }
    Duration waited = Duration.between(before.since(), now);
    if (waited.compareTo(settings.stableFor()) >= 0) {
      return true;
    }
    waitFor(settings.stableFor().minus(waited));
    return false;
  }

  private void waitFor(Duration wait) {
    if (recheckIn == null || wait.compareTo(recheckIn) < 0) {
      recheckIn = wait;
    }
  }

  private boolean isMarker(String name) {
    return settings.doneMarker() != null && name.endsWith(settings.doneMarker());
  }

  private Optional<FileFeed> feedOf(String name) {
    return settings.feeds().stream().filter(feed -> feed.matches(name)).findFirst();
  }
}
