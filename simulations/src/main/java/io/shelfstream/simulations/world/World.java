package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.StreamSupport;

/**
 * A synthetic retailer: stores, warehouses and a catalog, fixed by the spec's seed. {@link
 * #events()} replays its life as a lazy, time-ordered stream of canonical events; every call starts
 * the same life from day one.
 */
public final class World {

  private final WorldSpec spec;
  private final Catalog catalog;
  private final Network network;
  private final RetailCalendar calendar;
  private final Promotions promotions;

  private World(WorldSpec spec) {
    this.spec = spec;
    SplittableRandom random = new SplittableRandom(spec.seed());
    this.catalog = Catalog.generate(spec.products(), random);
    this.network = Network.generate(spec.stores(), spec.sitePrefix(), random);
    this.calendar = new RetailCalendar(spec.seed());
    this.promotions = new Promotions(spec.seed());
  }

  public static World create(WorldSpec spec) {
    return new World(spec);
  }

  public WorldSpec spec() {
    return spec;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Network network() {
    return network;
  }

  RetailCalendar calendar() {
    return calendar;
  }

  Promotions promotions() {
    return promotions;
  }

  /**
   * The events of {@code spec.days()} days, or an endless stream for {@link WorldSpec#UNBOUNDED}.
   */
  public Iterator<SimEvent> events() {
    return new DayByDay(new DaySimulator(this), spec.days());
  }

  /**
   * The first {@code limit} events of an endless life: days are added until there are enough,
   * whatever {@code spec.days()} says.
   */
  public Iterator<SimEvent> firstEvents(long limit) {
    Iterator<SimEvent> endless = new DayByDay(new DaySimulator(this), WorldSpec.UNBOUNDED);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(endless, Spliterator.ORDERED), false)
        .limit(limit)
        .iterator();
  }

  private static final class DayByDay implements Iterator<SimEvent> {

    private final DaySimulator simulator;
    private final int days;
    private int nextDay;
    private List<SimEvent> today = List.of();
    private int position;

    DayByDay(DaySimulator simulator, int days) {
      this.simulator = simulator;
      this.days = days;
    }

    @Override
    public boolean hasNext() {
      // a day can be empty (every store closed), so skip ahead until events or the end
      while (position == today.size() && nextDay < days) {
        today = simulator.simulate(nextDay++);
        position = 0;
      }
      return position < today.size();
    }

    @Override
    public SimEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the world's last day is over");
      }
      return today.get(position++);
    }
  }
}
