package io.shelfstream.sources.files;

import io.shelfstream.protocols.mapping.Mapping;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * One kind of file an integration reads: the files whose names match {@code pattern} (a glob such
 * as {@code DAILY_SALES_*.csv}; a {@code .gz} twin matches too), read by {@code mapping}, whose
 * header must hold {@code requiredColumns}.
 */
public record FileFeed(String name, String pattern, Mapping mapping, List<String> requiredColumns) {

  public boolean matches(String fileName) {
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    String plain = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : null;
    return glob.matches(Path.of(fileName)) || (plain != null && glob.matches(Path.of(plain)));
  }
}
