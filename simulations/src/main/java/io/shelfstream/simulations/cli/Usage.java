package io.shelfstream.simulations.cli;

/** The --help text. */
final class Usage {

  private Usage() {}

  static final String TEXT =
      """
      Usage: simulate --target http://HOST:PORT [options]
             simulate --out FILE [--truth FILE] [options]
             simulate --preset demo --target http://HOST:PORT

      Floods a Shelfstream node with synthetic POS traffic, then checks every golden record
      against ground truth computed from the lines actually sent.

      Where the lines go (one of):
        --target URI          send over HTTP to this node, then check its golden records
        --kafka HOSTS --topic T   produce to Kafka instead (--target still names the node to check)
        --out FILE            write the NDJSON stream to FILE instead of sending

      World:
        --seed S              random seed (default 1); same seed and sizes, same stream
        --stores N            stores (default 15)
        --products N          products (default 500)
        --days N              days to simulate (default 365)
        --start DATE          first day, ISO date (default 2026-01-01)
        --events N            stop after N world events, adding days if needed (overrides --days)

      Noise (percent of world events, default 0):
        --duplicates P        re-send P% of the lines later
        --malformed P         add a broken line before P% of the lines (each must be rejected)
        --out-of-order P      move P% of the events later, within --reorder-window lines (default 2000)
        --late P              hold P% of the movements until a newer count of their SKU was sent
        --conflicts P         contradict P% of counts and store updates from other sources
        --duplicate-window N  furthest a duplicate follows its original, in lines (default 5000)
        --burst               send in bursts (1 s at 5x the rate, then 4 s of silence)

      Sending:
        --mode batch|stream|mixed   HTTP batches, streaming tills, or half of each (default batch)
        --tills C             concurrent tills / batch senders (default 4)
        --batch N             lines per HTTP batch (default 1000)
        --rate R              target lines per second overall, 0 = as fast as possible (default 0)
        --prepare             generate every line before sending (ground truth is fed after), so that
                              the node, not the generator, sets the pace; needs --events (at most 5000000)
        --settle-timeout S    seconds to re-check mismatching records (default 120 with Kafka, 5 over HTTP)

      Output:
        --truth FILE          also write the expected golden records as JSON
        --policies FILE       policies JSON to use instead of the node's (default with --out: the documented defaults)
        --json                print the summary as JSON
        --preset demo         20 stores x 500 SKUs, 100000 events, 3% duplicates, 30% out of order,
                              1% malformed, 2 senders of 250-line batches; explicit options override it

      Exit code: 0 when every record matches and every acknowledgement is as expected,
      1 when the check fails, 2 on a bad command line, 3 when the run could not complete.
      """;
}
