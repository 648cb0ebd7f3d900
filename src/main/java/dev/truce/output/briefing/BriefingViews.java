package dev.truce.output.briefing;

import dev.truce.app.StatusReport;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Phrases;
import dev.truce.domain.TimelineState;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceStatus;
import dev.truce.domain.Register;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import dev.truce.output.listing.ExposureWords;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Words and formats a status report and its evidence into a {@link BriefingView}. */
public final class BriefingViews {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://[^\\s\"'<>]+");

    private BriefingViews() {
    }

    /**
     * {@code evidence}: every entry of each obligation, in file order; {@code replay}: the report looks
     * at a moment the user named rather than now; {@code generated}: the footer's provenance line.
     */
    public static BriefingView of(StatusReport report, Map<String, List<Evidence>> evidence, boolean replay,
                                  String generated) {
        return of(report, evidence, replay, generated, null, null, null);
    }

    /**
     * With an exposure section when {@code exposure} is given: {@code register} is the file the exposure was
     * computed from (for the chart of the duty over time), {@code source} names the product list.
     */
    public static BriefingView of(StatusReport report, Map<String, List<Evidence>> evidence, boolean replay,
                                  String generated, ExposureReport exposure, Register register, String source) {
        TruceStatus truceStatus = report.truce();
        Truce truce = truceStatus.truce();
        ZoneId zone = report.zone();
        String asOf = report.asOf().atZone(zone).format(AS_OF);
        String todayLabel = (replay ? "As of " : "Today ") + report.asOf().atZone(zone).format(TODAY);
        List<ObligationStatus> rows = report.rows();
        String review = report.review().reviewed().map(d -> "File last reviewed against the sources on " + d
                + (report.review().overdue() ? ", " + report.review().daysAgo() + " days ago: more than "
                        + report.review().everyDays() + ", a review is due" : "")).orElse(null);
        return new BriefingView(truce.title(), truce.id(), asOf, zone.getId(), countdown(truceStatus, zone),
                chips(rows), next(rows, zone), BriefingDecisions.of(report),
                null, TimelineChart.of(truceStatus, rows, report.asOf(), todayLabel),
                legend(), rows.stream().map(s -> row(s, zone, ack(report, s))).toList(),
                rows.stream().map(s -> detail(s, truce, report.asOf(), evidence.getOrDefault(s.id(), List.of()),
                        ack(report, s))).toList(),
                generated, report.evidence().warnings(false), review,
                exposure == null ? null : exposure(exposure, register, source, todayLabel), false);
    }

    /** What changed since the last briefing, for its top: the first {@value #CHANGES_SHOWN} changes and a count. */
    public static BriefingView.Changes changes(dev.truce.app.ChangesReport report) {
        if (!report.git()) {
            return new BriefingView.Changes("", List.of(), "", "Not known: " + String.join("; ", report.notes())
                    + (report.from().kind().equals("unreadable") ? "."
                    : ". The briefing reads what changed from git history; truce changes keeps a copy to compare "
                    + "with outside git."), List.of());
        }
        ZoneId zone = report.zone();
        String since = switch (report.from().kind()) {
            case "last-run" -> "since the last briefing, " + report.from().instant().atZone(zone).format(AS_OF);
            case "last-24-hours" -> "in the last 24 hours (the first briefing made here)";
            default -> "since " + Phrases.oneLine(report.from().asked());
        };
        List<String> problems = new java.util.ArrayList<>();
        if (report.from().shallowStart() != null) { // what is known is shown, and what is not is said
            var start = report.from().shallowStart();
            since = "since commit " + start.shortId() + " (" + start.committed().atZone(zone).format(AS_OF)
                    + "), where this shallow clone's history starts";
            problems.add("What changed up to that commit is not known: the history before it is not in this clone "
                    + "(git fetch --unshallow brings it).");
        }
        List<String> lines = report.entries().stream().limit(CHANGES_SHOWN)
                .map(e -> e.change().id() + ": " + Phrases.oneLine(e.change().describe())
                        + (e.origin().committed() ? " (" + Phrases.oneLine(e.origin().author()) + ", "
                        + e.origin().when().atZone(zone).format(TODAY) + ")" : " (not committed yet)"))
                .toList();
        int more = report.entries().size() - lines.size();
        report.problems().stream().map(Phrases::oneLine).forEach(problems::add);
        return new BriefingView.Changes(since, lines, more > 0 ? "and " + more + " more: truce changes" : "", null,
                problems);
    }

    static final int CHANGES_SHOWN = 8;

    private static BriefingView.ExposureSection exposure(ExposureReport report, Register register, String source,
                                                         String todayLabel) {
        ZoneId zone = report.zone();
        List<BriefingView.ProductRow> products = report.products().stream().map(e -> product(e, zone)).toList();
        List<BriefingView.ProductRow> totals = report.totals().stream().map(BriefingViews::total).toList();
        return new BriefingView.ExposureSection(source, products, totals, ExposureChart.of(report, register, todayLabel),
                report.products().stream().anyMatch(e -> !e.landedNow().known() || e.isUnresolved()),
                ExposureWords.schedule(report), ExposureWords.baseLine(report), ExposureWords.notCounted(report),
                report.warnings());
    }

    /** A market's total: its products, value, landed duty a year, and what every deadline ahead would add. */
    private static BriefingView.ProductRow total(ExposureTotal t) {
        String costNow = ExposureWords.totalCost(t).replace(ExposureWords.UNRESOLVED_MARK, "");
        List<String> lapses = !t.deadlineAhead() ? List.of("no deadline ahead") : t.extraCostIfAllLapse() == null
                ? List.of() : List.of(ExposureWords.perYear(t.extraCostIfAllLapse()) + " if every deadline ahead lapses "
                + "or runs out");
        List<String> notRecorded = t.unresolvedProducts() == 0 ? List.of()
                : List.of(ExposureWords.count(t.unresolvedProducts(), "with an outcome not recorded"));
        List<String> risk = t.supplyRiskProducts() == 0 ? List.of()
                : List.of(ExposureWords.count(t.supplyRiskProducts(), "with a supply risk"));
        List<String> layers = t.withoutBase() == 0 ? List.of()
                : List.of(ExposureWords.count(t.withoutBase(), "with the truce layer only"));
        return new BriefingView.ProductRow("Total into " + t.market(), t.market(), "", Amounts.amount(t.value()), "",
                costNow, (t.withoutBase() > 0 ? t.costNow().isEmpty() : t.landedCostNow().isEmpty()) && t.value() != null,
                layers, lapses, notRecorded, risk, List.of(),
                ExposureWords.count(t.products(), ""));
    }

    private static BriefingView.ProductRow product(Exposure e, ZoneId zone) {
        String costNow = ExposureWords.costNow(e).replace(ExposureWords.UNRESOLVED_MARK, "");
        List<String> lapses = e.ifLapsed().stream().map(l -> l.deadline().display(zone) + " · " + l.obligation() + " "
                + ExposureWords.ahead(e, l).replace(ExposureWords.UNRESOLVED_MARK, "")).toList();
        List<String> notRecorded = e.unresolved().stream().map(u -> u.obligation() + ": passed "
                + u.deadline().display(zone) + ", outcome not recorded (" + Amounts.rate(u.kept()) + "% if kept, "
                + Amounts.rate(u.lapsed()) + "% if it lapsed)").toList();
        return new BriefingView.ProductRow(e.product().hts(), e.product().market(), e.origin(),
                Amounts.amount(e.product().value()), ExposureWords.landed(e).replace(ExposureWords.UNRESOLVED_MARK, ""),
                costNow, !e.landedNow().known(), ExposureWords.layers(e).stream()
                        .map(l -> l.replace(ExposureWords.UNRESOLVED_MARK, "")).toList(), lapses, notRecorded,
                e.supplyRisk(), e.notCounted(), e.product().description() == null ? "" : e.product().description());
    }

    private static BriefingView.Countdown countdown(TruceStatus status, ZoneId zone) {
        int days = status.daysLeft();
        String extensions = status.extensionsKnown().isEmpty() ? "no extensions"
                : status.extensionsKnown().size() == 1 ? "1 extension" : status.extensionsKnown().size() + " extensions";
        String deadline = status.end().display(zone);
        if (status.settled() && !status.ended()) {
            Outcome outcome = status.outcome().orElseThrow();
            return new BriefingView.Countdown(outcome.result().label(), "before the truce deadline",
                    "Outcome: " + outcome.result().label() + " from " + outcome.effective().display(zone)
                            + "; the deadline was " + deadline + " after " + extensions, "ended");
        }
        if (status.ended()) {
            String outcome = status.settled() ? "outcome: " + status.outcome().orElseThrow().result().label()
                    : status.outcomeAhead().map(o -> "outcome recorded: " + o.result().label() + ", in effect from "
                            + o.effective().display(zone))
                            .orElse("outcome not recorded: whether it lapsed, was extended or ended is not known here");
            String detail = "Deadline " + deadline + " after " + extensions + "; " + outcome
                    + status.reportedEnd().map(r -> "; reported to " + r.display(zone) + ", not enacted").orElse("");
            int passed = status.daysPassed().orElse(0);
            return new BriefingView.Countdown(String.valueOf(passed), passed == 1 ? "day since the truce deadline passed"
                    : "days since the truce deadline passed", detail, "ended");
        }
        String caption = days == 0 ? "the truce ends today" : days == 1 ? "day until the truce ends" : "days until the truce ends";
        return new BriefingView.Countdown(String.valueOf(days), caption,
                "Ends " + deadline + " · " + extensions + " so far", days <= 30 ? "soon" : "running");
    }

    private static List<BriefingView.Chip> chips(List<ObligationStatus> rows) {
        List<BriefingView.Chip> chips = new ArrayList<>();
        for (TimelineState state : List.of(TimelineState.UNRESOLVED, TimelineState.DUE_TODAY, TimelineState.DUE_SOON,
                TimelineState.ACTIVE, TimelineState.PENDING, TimelineState.LAPSED, TimelineState.MISSED,
                TimelineState.ENDED, TimelineState.FULFILLED, TimelineState.PERMANENT, TimelineState.REPLACED)) {
            int count = (int) rows.stream().filter(r -> r.timeline() == state).count();
            if (count > 0) {
                chips.add(new BriefingView.Chip(count, state.label(), "timeline-" + state.label()));
            }
        }
        for (ComplianceState state : List.of(ComplianceState.BREACHED, ComplianceState.BREACH_ALLEGED,
                ComplianceState.DISPUTED, ComplianceState.AT_RISK, ComplianceState.COMPLYING, ComplianceState.NO_EVIDENCE)) {
            int count = (int) rows.stream().filter(r -> r.compliance().state() == state).count();
            if (count > 0) {
                chips.add(new BriefingView.Chip(count, state.label(), "state-" + state.label()));
            }
        }
        return chips;
    }

    private static BriefingView.Next next(List<ObligationStatus> rows, ZoneId zone) {
        return rows.stream()
                .filter(r -> r.timeline().isOpen() && r.deadline().isPresent())
                .findFirst()
                .map(r -> new BriefingView.Next(r.id(), r.obligation().title(), r.deadline().get().display(zone),
                        Phrases.relativeDays(r.daysLeft().orElseThrow())))
                .orElse(null);
    }

    private static List<BriefingView.Legend> legend() {
        return dev.truce.domain.Labels.of(ComplianceState.class).stream().map(l -> new BriefingView.Legend(l, l)).toList();
    }

    /** "acked by ana on 2026-06-23, through 2026-07-15 ...: reason", or null. */
    private static String ack(dev.truce.app.StatusReport report, ObligationStatus s) {
        return report.ackOf(s.id()).map(a -> Phrases.oneLine(a.summary(report.zone()))).orElse(null);
    }

    private static BriefingView.Row row(ObligationStatus s, ZoneId zone, String ack) {
        boolean settled = s.timeline().isSettled();
        return new BriefingView.Row(s.id(), s.obligation().title(), s.obligation().party(), s.obligation().kind().label(),
                s.deadline().map(d -> d.display(zone)).orElse("none"),
                settled ? "-" : s.daysLeft().map(Phrases::relativeDays).orElse("open-ended"), timeline(s, zone),
                settled ? "-" : s.compliance().state().label(), !settled && s.compliance().stale(),
                settled ? null : s.compliance().progress().map(BriefingViews::progress).orElse(null), ack);
    }

    /** The timeline, with a reported deadline beside it: "unresolved · reported: to 2027-01-10". */
    private static String timeline(ObligationStatus s, ZoneId zone) {
        return s.timeline().label() + s.reportedDue().map(d -> " · reported: to " + d.display(zone)).orElse("");
    }

    /** "48% of 25 MMT; needs 0.09 a day, 0.04 a day so far: behind pace". */
    static String progress(dev.truce.domain.Progress p) {
        String text = p.percent().stripTrailingZeros().toPlainString() + "% of " + p.target() + " (reported "
                + p.reportedOn() + ")";
        if (p.reached()) {
            return text + ": target reached";
        }
        return text + p.neededPerDay().map(n -> "; needs " + rate(n) + " " + p.target().unit() + " a day"
                + p.soFarPerDay().map(v -> ", " + rate(v) + " a day so far" + (p.behind() ? ": behind pace" : ": on pace"))
                        .orElse("")).orElse("");
    }

    private static String rate(java.math.BigDecimal value) {
        return value.round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static BriefingView.Detail detail(ObligationStatus s, Truce truce, Instant asOf, List<Evidence> entries,
                                              String ack) {
        ZoneId zone = truce.zone();
        var o = s.obligation();
        String due = switch (o.due().type()) {
            case NONE -> "none (open-ended)";
            case TRUCE_END -> s.deadline().orElseThrow().display(zone) + " (with the truce)";
            case FIXED -> s.deadline().orElseThrow().display(zone);
        } + s.reportedDue().map(d -> "; reported to " + d.display(zone) + " (announced, no instrument seen: the "
                + "deadline stands)").orElse("");
        List<BriefingView.Link> chain = o.deadlineChain(truce).map(c -> chain(c, o.due(), zone, asOf)).orElse(List.of());
        List<BriefingView.Claim> claims = entries.stream()
                .sorted(Comparator.comparing(e -> e.happened(zone))) // stable: same day keeps file order
                .map(e -> claim(e, zone, asOf)).toList();
        boolean settled = s.timeline().isSettled();
        String outcome = s.outcome().map(out -> out.result().label()
                + (out.effective() != null ? " from " + out.effective().display(zone) : " at the deadline")
                + (settled ? "" : " (recorded; not yet in effect)")
                + (out.decided() == null ? "" : "; decided " + out.decided()) + "; source: " + out.source())
                .orElse(s.isUnresolved() ? "not recorded: the deadline passed; whether it lapsed, was extended or ended is "
                        + "not known here" : null);
        String meaning = s.outcome().map(out -> dev.truce.domain.Outcomes.meaning(o, out)).orElse(null);
        return new BriefingView.Detail(o.id(), o.title(), o.party(), o.kind().label(),
                o.effectiveOr(truce).display(zone) + (o.effective() == null ? " (with the truce)" : ""),
                due, timeline(s, zone), settled ? "-" : s.compliance().state().label(),
                !settled && s.compliance().stale(), o.hts(), o.sources(), o.note(), chain, claims, outcome, meaning,
                s.compliance().progress().map(BriefingViews::progress).orElse(null), ack);
    }

    private static List<BriefingView.Link> chain(DeadlineChain chain, Due due, ZoneId zone, Instant asOf) {
        if (chain.extensions().isEmpty()) {
            return List.of();
        }
        List<BriefingView.Link> links = new ArrayList<>();
        for (DeadlineChain.Link link : chain.links(zone)) {
            String how = link.extension() == null
                    ? (due.type() == Due.Type.TRUCE_END ? "the truce's original end" : "original")
                    : (link.reported() ? "reported, not enacted (moves nothing), " : "extended ")
                      + (link.extension().decided() == null ? "(decided: unknown)" : "on " + link.extension().decided())
                      + " by " + link.extension().source()
                      + (link.extension().note() == null ? "" : ". " + link.extension().note());
            links.add(new BriefingView.Link(link.deadline().display(zone), how, link.knownFrom().isAfter(asOf)));
        }
        return links;
    }

    private static BriefingView.Claim claim(Evidence e, ZoneId zone, Instant asOf) {
        String href = e.url() != null && WEB_ADDRESS.matcher(e.url()).matches() ? e.url() : null;
        return new BriefingView.Claim(e.date().display(zone), e.stance().label(), e.claimant(), e.basis().label(),
                e.source(), e.url(), href, e.note(), e.happened(zone).isAfter(asOf));
    }
}
