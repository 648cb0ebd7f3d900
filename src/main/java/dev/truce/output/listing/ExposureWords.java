package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import dev.truce.domain.exposure.Layer;
import dev.truce.domain.exposure.ScheduleSource;
import dev.truce.domain.exposure.Share;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How every exposure output words the same things: layers, directions, what is not counted, where the base is from. */
public final class ExposureWords {
    public static final String UNRESOLVED_MARK = "*";
    public static final String TRUCE_LAYER_ONLY = "truce layer only: base and Section 301 duties not included (add "
            + "base_duty or `truce hts import`)";

    private ExposureWords() {
    }

    /** "10", or "10 or 34*" when an outcome is not recorded. */
    public static String rate(Share share) {
        return share.known() ? Amounts.rate(share.ifKept())
                : Amounts.rate(share.ifKept()) + " or " + Amounts.rate(share.ifLapsed()) + UNRESOLVED_MARK;
    }

    /**
     * The landed duty in layers: "62.5 = 0 MFN + 50 301 + 12.5 truce"; the truce's obligations are one term (each
     * is a layer line of its own); "10 (truce layer only)" without a base.
     */
    public static String landed(Exposure e) {
        if (!e.hasBase()) {
            return rate(e.now()) + " (truce layer only)";
        }
        StringBuilder text = new StringBuilder(rate(e.landedNow())).append(" =");
        String plus = " ";
        for (Layer layer : e.outside()) {
            text.append(plus).append(rate(layer.rate())).append(' ').append(layer.name());
            plus = " + ";
        }
        return text.append(plus).append(rate(e.now())).append(" truce").toString();
    }

    /**
     * Each layer on a line of its own, with where its rate comes from: "MFN 2.1 (8505.11.00 general rate '2.1%',
     * 2026 Revision 10)", "301 25 (9903.91.06)", "truce 12.5: us-section301-forced-labor (9903.05.31, 9903.05.43)".
     * An obligation that adds nothing now (ended, not yet in force) is left out; if every one does, one line says so.
     */
    public static List<String> layers(Exposure e) {
        List<String> lines = new ArrayList<>();
        int silent = 0;
        for (Layer layer : e.layers()) {
            if (layer.kind() != Layer.Kind.TRUCE) {
                lines.add(layer.name() + " " + rate(layer.rate()) + " (" + layer.source() + ")");
            } else if (layer.rate().known() && layer.rate().ifKept().signum() == 0) {
                silent++;
            } else {
                lines.add("truce " + rate(layer.rate()) + ": " + layer.name() + " (" + layer.source() + ")");
            }
        }
        if (silent > 0 && lines.stream().noneMatch(l -> l.startsWith("truce "))) {
            lines.add("truce 0: " + (silent == 1 ? "the covering obligation adds" : "the " + silent
                    + " covering obligations add") + " nothing now");
        } else if (silent > 0) {
            lines.add("(" + (silent == 1 ? "1 more covering obligation adds" : silent + " more covering obligations add")
                    + " nothing now)");
        }
        if (e.duties().isEmpty()) {
            lines.add("truce 0: no obligation with a duty in " + e.product().market() + " covers it");
        }
        return lines;
    }

    /** How an obligation's end reads: a dated measure runs out (the duty falls), a suspension lapses (it rises). */
    public static String ends(boolean measure) {
        return measure ? "if it runs out (the measure ends)" : "if it lapses (the suspension ends)";
    }

    /**
     * What a deadline ahead means for a product, in words: "if it lapses (the suspension ends): +2,880,000 a
     * year; landed then 37". The cost is that obligation's own (value × (lapsed − kept) / 100); the landed duty
     * right after it also moves with whatever else is due by then (a measure that takes over at the same instant,
     * a staged heading), and says so when it does.
     */
    public static String ahead(Exposure e, Exposure.Lapse l) {
        String then = e.hasBase() ? "landed then " + rate(l.landed()) : "truce layer then " + rate(l.duty());
        Share now = e.hasBase() ? e.landedNow() : e.now();
        Share after = e.hasBase() ? l.landed() : l.duty();
        boolean others = now.known() && after.known()
                && now.ifKept().add(l.lapsed()).subtract(l.kept()).compareTo(after.ifKept()) != 0;
        return ends(l.measure()) + ": " + (l.extraCost() == null ? "" : perYear(l.extraCost()) + "; ") + then
                + (others ? ", with the other changes due by then" : "");
    }

    /** "+2,880,000 a year", "-240,000 a year"; "-" without a value. */
    public static String perYear(BigDecimal amount) {
        return amount == null ? "-" : Amounts.signed(amount) + " a year";
    }

    public static String amount(BigDecimal amount) {
        return Amounts.amount(amount);
    }

    /** "market US (imports into US)". */
    public static String market(String market) {
        return "into " + market;
    }

    /**
     * What a product pays a year: the landed duty's cost, or, without a base, the truce layer's (its landed duty is
     * not known); both figures, marked, when an outcome is not recorded; "-" without a value.
     */
    public static String costNow(Exposure e) {
        if (e.product().value() == null) {
            return "-";
        }
        if (!e.hasBase()) {
            return e.costNow().map(Amounts::amount).orElseGet(() -> Amounts.amount(e.costIfKept()) + " or "
                    + Amounts.amount(e.costIfLapsed()) + UNRESOLVED_MARK);
        }
        return e.landedCostNow().map(Amounts::amount).orElseGet(() -> Amounts.amount(e.landedCostIfKept()) + " or "
                + Amounts.amount(e.landedCostIfLapsed()) + UNRESOLVED_MARK);
    }

    /** A market's total a year: landed when every product has a base, else the truce layer's, said so. */
    public static String totalCost(ExposureTotal t) {
        if (t.value() == null) {
            return "-";
        }
        if (t.withoutBase() > 0) {
            return t.costNow().map(Amounts::amount).orElseGet(() -> Amounts.amount(t.costIfKept()) + " or "
                    + Amounts.amount(t.costIfLapsed()) + UNRESOLVED_MARK) + " (truce layer: "
                    + count(t.withoutBase(), "with no base") + ")";
        }
        return t.landedCostNow().map(Amounts::amount).orElseGet(() -> Amounts.amount(t.landedCostIfKept()) + " or "
                + Amounts.amount(t.landedCostIfLapsed()) + UNRESOLVED_MARK);
    }

    /** The line on the schedule read, or null when none was. */
    public static String schedule(ExposureReport report) {
        ScheduleSource s = report.schedule();
        if (s == null) {
            return null;
        }
        return "Schedule for imports into US: " + s.revision() + " (" + Phrases.oneLine(s.file())
                + (s.effective() == null ? ", its day not recorded" : ", in force from " + s.effective()) + ")";
    }

    /** The line on products whose landed duty is the truce layer alone, or null when every product has a base. */
    public static String baseLine(ExposureReport report) {
        int without = report.withoutBase();
        if (without == 0) {
            return null;
        }
        if (without == report.products().size()) {
            return capitalised(TRUCE_LAYER_ONLY);
        }
        return "Truce layer only for " + Phrases.plural(without, "product", "products") + " (marked): base and "
                + "Section 301 duties not included for them (add base_duty; for market US, `truce hts import`)";
    }

    public static String notCounted(ExposureReport report) {
        return "Not counted: " + String.join("; ", report.notCounted()) + ".";
    }

    /** "3 products", "1 product with an outcome not recorded": a count always says what it counts. */
    public static String count(int n, String what) {
        return Phrases.plural(n, "product", "products") + (what.isEmpty() ? "" : " " + what);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The legend for figures marked as depending on an outcome not recorded. */
    public static String unresolvedLegend() {
        return UNRESOLVED_MARK + " outcome not recorded: the deadline passed and nobody has recorded whether the "
                + "obligation was kept, extended, lapsed or ended, so the duty is shown both ways: as if kept, then as "
                + "if lapsed (record it: truce outcome ID or truce extend ID; truce show ID says how).";
    }
}
