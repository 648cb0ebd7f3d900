package dev.truce.output.briefing;

import java.util.List;

/**
 * What the briefing page shows, already worded and formatted: the template only lays it out and
 * escapes it. Nested records are the page's parts, top to bottom.
 */
public record BriefingView(String title, String truceId, String asOf, String zone, Countdown countdown,
                           List<Chip> chips, Next next, List<Decision> decisions, Changes changes, TimelineChart chart,
                           List<Legend> legend, List<Row> rows, List<Detail> obligations, String generated,
                           List<String> warnings, String review, ExposureSection exposure, boolean printDetails) {
    /** The same page, printing the status table and every obligation's details too (report --print-details). */
    public BriefingView printingDetails(boolean details) {
        return new BriefingView(title, truceId, asOf, zone, countdown, chips, next, decisions, changes, chart, legend,
                rows, obligations, generated, warnings, review, exposure, details);
    }

    /** The same page with what changed since the last briefing at its top. */
    public BriefingView withChanges(Changes since) {
        return new BriefingView(title, truceId, asOf, zone, countdown, chips, next, decisions, since, chart, legend,
                rows, obligations, generated, warnings, review, exposure, printDetails);
    }

    public BriefingView {
        warnings = List.copyOf(warnings);
        chips = List.copyOf(chips);
        decisions = List.copyOf(decisions);
        legend = List.copyOf(legend);
        rows = List.copyOf(rows);
        obligations = List.copyOf(obligations);
    }

    /**
     * A decision a person must make, at the top: what is open ("7 obligations passed 2026-11-10 00:01 EST with no
     * outcome recorded"), which, and the command that records it (and, where it may have been extended, the other).
     */
    public record Decision(String what, List<String> ids, String command, String otherwise) {
        public Decision {
            ids = List.copyOf(ids);
        }
    }

    /**
     * What changed since the last briefing (or --since), one line a change, the first few and how many more;
     * {@code unknown} says why it is not known (the file is not in git), and then nothing else is
     * shown; {@code problems} name versions that could not be read.
     */
    public record Changes(String since, List<String> lines, String more, String unknown, List<String> problems) {
        public Changes {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    /**
     * What a product list pays and risks (report --products): one row per product, one total per market (never
     * added together), a stacked chart of each product's layers over time, and the lines every exposure output
     * carries: the schedule read, products with the truce layer only, what is not counted, warnings.
     * {@code unresolved}: some product's duty depends on an outcome not recorded.
     */
    public record ExposureSection(String source, List<ProductRow> products, List<ProductRow> totals,
                                  ExposureChart chart, boolean unresolved, String schedule, String baseLine,
                                  String notCounted, List<String> warnings) {
        public ExposureSection {
            products = List.copyOf(products);
            totals = List.copyOf(totals);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One product (or a market's total): {@code landed} "62.5 = 0 MFN + 50 301 + 12.5 truce", with
     * {@code unresolved} set when it depends on an outcome not recorded; {@code layers} each layer with its
     * source; each deadline ahead as "date · obligation: landed if it lapses (extra a year)"; each passed deadline
     * with no outcome; what the schedule says but no layer counts.
     */
    public record ProductRow(String hts, String market, String origin, String value, String landed, String costNow,
                             boolean unresolved, List<String> layers, List<String> lapses, List<String> notRecorded,
                             List<String> supplyRisk, List<String> notCounted, String description) {
        public ProductRow {
            layers = List.copyOf(layers);
            lapses = List.copyOf(lapses);
            notRecorded = List.copyOf(notRecorded);
            supplyRisk = List.copyOf(supplyRisk);
            notCounted = List.copyOf(notCounted);
        }
    }

    /** The big number at the top: days left, or days since the truce ended. {@code tone} picks the colour. */
    public record Countdown(String number, String caption, String detail, String tone) {
    }

    /** A count in the summary strip, e.g. "15 unresolved". */
    public record Chip(int count, String label, String tone) {
    }

    /** The next deadline ahead, if any. */
    public record Next(String id, String title, String due, String when) {
    }

    public record Legend(String state, String label) {
    }

    /** One row of the status table. */
    /** One row of the status table; {@code compliance} is "-" once an outcome is in effect. */
    public record Row(String id, String title, String party, String kind, String due, String days, String timeline,
                      String compliance, boolean stale, String progress, String ack) {
    }

    /** One obligation in full, with its deadline chain and its evidence as a timeline, oldest first. */
    public record Detail(String id, String title, String party, String kind, String effective, String due,
                         String timeline, String compliance, boolean stale, List<String> hts, List<String> sources,
                         String note, List<Link> chain, List<Claim> evidence, String outcome, String meaning,
                         String progress, String ack) {
        public Detail {
            hts = List.copyOf(hts);
            sources = List.copyOf(sources);
            chain = List.copyOf(chain);
            evidence = List.copyOf(evidence);
        }
    }

    /** A deadline of the chain: the original or an extension. {@code later}: not yet known as of the view. */
    public record Link(String deadline, String how, boolean later) {
    }

    /**
     * One evidence entry. {@code href} is set only for http(s) addresses, so a javascript: URL in the
     * file is shown as text, never made a link. {@code later}: dated after the as-of moment.
     */
    public record Claim(String date, String stance, String claimant, String basis, String source, String url,
                        String href, String note, boolean later) {
    }
}
