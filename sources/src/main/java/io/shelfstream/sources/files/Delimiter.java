package io.shelfstream.sources.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The field separators a feed may use, by the name the settings give them. */
public enum Delimiter {
  COMMA((byte) ','),
  TAB((byte) '\t'),
  SEMICOLON((byte) ';'),
  PIPE((byte) '|');

  private final byte value;

  Delimiter(byte value) {
    this.value = value;
  }

  public byte value() {
    return value;
  }

  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Delimiter::settingName).toList();
  }
}
