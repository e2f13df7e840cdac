package io.shelfstream.simulations.world;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/** Holidays, peaks, weekday seasonality and opening hours shared by every store. */
final class RetailCalendar {

  private static final Set<MonthDay> CLOSED =
      Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25));
  private static final Set<MonthDay> PEAKS =
      Set.of(MonthDay.of(12, 23), MonthDay.of(12, 24), MonthDay.of(12, 26));

  /** Monday to Sunday. */
  private static final double[] WEEKDAY_FACTOR = {0.8, 0.85, 0.9, 0.95, 1.2, 1.6, 0.5};

  private final long seed;

  RetailCalendar(long seed) {
    this.seed = seed;
  }

  /** Each store also closes one local holiday a year, drawn from its own hash. */
  DayKind kind(StoreSite store, LocalDate date) {
    MonthDay day = MonthDay.from(date);
    if (CLOSED.contains(day) || date.getDayOfYear() == localHoliday(store, date.getYear())) {
      return DayKind.CLOSED;
    }
    if (PEAKS.contains(day) || isBlackFriday(date) || isSummerSalesStart(date)) {
      return DayKind.PEAK;
    }
    return DayKind.REGULAR;
  }

  double weekdayFactor(LocalDate date) {
    return WEEKDAY_FACTOR[date.getDayOfWeek().getValue() - 1];
  }

  int opensAtSecond(LocalDate date, DayKind kind) {
    if (kind == DayKind.PEAK) {
      return 8 * 3600;
    }
    return date.getDayOfWeek() == DayOfWeek.SUNDAY ? 10 * 3600 : 9 * 3600;
  }

  int closesAtSecond(LocalDate date, DayKind kind) {
    if (kind == DayKind.PEAK) {
      return 22 * 3600;
    }
    return date.getDayOfWeek() == DayOfWeek.SUNDAY ? 18 * 3600 : 20 * 3600;
  }

  private int localHoliday(StoreSite store, int year) {
    return 30 + (int) Math.floorMod(Mix.hash(seed, store.index(), year), 300L);
  }

  private static boolean isBlackFriday(LocalDate date) {
    LocalDate thanksgiving =
        date.withMonth(11).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    return date.equals(thanksgiving.plusDays(1));
  }

  private static boolean isSummerSalesStart(LocalDate date) {
    return date.equals(date.withMonth(7).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY)));
  }
}
