package io.shelfstream.sources.files;

import java.time.Instant;

/** A file as listed by a {@link FileStore}: what tells one version of a file from another. */
public record StoredFile(String name, long size, Instant modified) {}
