package dev.truce.alert.mail;

import dev.truce.domain.Phrases;
import dev.truce.alert.Digest;
import dev.truce.alert.DigestItem;
import dev.truce.alert.Topic;
import dev.truce.alert.Trigger;
import dev.truce.domain.Compliance;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.TimelineState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The phrases of a digest. Plain strings: the templates escape them. */
final class AlertTexts {
    /** Compiled once: every value of a 100,000-item digest passes through here. */
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private final ZoneId zone;
    private final int staleAfterDays;

    AlertTexts(ZoneId zone, int staleAfterDays) {
        this.zone = zone;
        this.staleAfterDays = staleAfterDays;
    }

    /**
     * "[truce] 4 need an outcome · 1 due in 3 days · 11 extended (us-cn-2025)": what needs a person first, then
     * what is coming, then the news, each item counted once, and the truce id desks filter on. Fixed words, counts
     * and the id only (an id matches [a-z0-9-]+), so nothing a person typed into a title can reach a header;
     * {@link #headerSafe} is the second belt.
     */
    static String subject(Digest digest, String truceId, int actionWithinDays) {
        return headerSafe("[truce] " + summary(digest, actionWithinDays) + " (" + truceId + ")");
    }

    /** The counts of the subject, also the digest's first line. */
    static String summary(Digest digest, int actionWithinDays) {
        List<String> parts = new ArrayList<>();
        digest.topics(actionWithinDays).forEach((topic, items) -> parts.add(count(topic, items)));
        return String.join(" · ", parts);
    }

    private static String count(Topic topic, List<DigestItem> items) {
        int n = items.size();
        return switch (topic) {
            case NEEDS_OUTCOME -> n + (n == 1 ? " needs an outcome" : " need an outcome");
            case BREACH_CLAIMED -> n + (n == 1 ? " breach claimed" : " breaches claimed");
            case DUE_SOON, DUE -> n + " due " + when(items);
            case AT_RISK -> n + " at risk";
            case DISPUTED -> n + " disputed";
            case EXTENDED -> n + " extended";
            case REPORTED -> n + (n == 1 ? " extension reported" : " extensions reported");
            case OUTCOME -> n + (n == 1 ? " outcome recorded" : " outcomes recorded");
            case RESOLVED -> n + " resolved";
            case STALE -> n + " with stale evidence";
        };
    }

    /** "today", "in 3 days", "in 7 to 22 days", or "within 2 days" from today on. */
    private static String when(List<DigestItem> items) {
        int soonest = items.stream().flatMap(item -> item.status().daysLeft().stream()).min(Integer::compare).orElse(0);
        int farthest = items.stream().flatMap(item -> item.status().daysLeft().stream()).max(Integer::compare).orElse(0);
        if (soonest == farthest) {
            return soonest == 0 ? "today" : "in " + plural(soonest, "day");
        }
        return soonest == 0 ? "within " + plural(farthest, "day") : "in " + soonest + " to " + plural(farthest, "day");
    }

    /** No control characters (CR, LF, ...) in a header value, ever. */
    static String headerSafe(String value) {
        return CONTROLS.matcher(value).replaceAll(" ").strip();
    }

    /** The instant a deadline passes, as the instrument states it and in the truce zone. */
    String due(ObligationStatus status) {
        if (status.deadline().isEmpty()) {
            return "none (open-ended)";
        }
        Moment deadline = status.deadline().get();
        String enacted = deadline.isDateOnly() ? "through " + deadline.iso() + " (until " + at(deadline.end(zone)) + ")"
                : deadline.display(zone);
        return enacted + status.reportedDue().map(r -> " · reported: to " + r.display(zone)
                + " (announced, not enacted: the deadline above stands)").orElse("");
    }

    String daysLeft(ObligationStatus status) {
        if (status.daysLeft().isEmpty()) {
            return "-";
        }
        int days = status.daysLeft().get();
        if (status.timeline().isSettled()) {
            return status.timeline().label() + " (outcome recorded)";
        }
        if (status.timeline() == TimelineState.UNRESOLVED) {
            return Phrases.passed(status.daysPassed().orElseThrow()) + ", outcome not recorded";
        }
        return days == 0 ? "due today" : plural(days, "day") + " left";
    }

    String compliance(Compliance compliance) {
        String state = compliance.state().label();
        return compliance.stale() ? state + " (evidence stale)" : state;
    }

    String evidence(Compliance compliance) {
        if (compliance.last().isEmpty()) {
            return "none recorded";
        }
        Evidence e = compliance.last().get();
        return e.date().display(zone) + ": " + e.claimant() + " says " + e.stance().label() + " (" + e.basis().label()
                + "), " + e.source();
    }

    String lastAlert(java.util.Optional<Instant> last) {
        return last.map(at -> "last alert " + at(at)).orElse("first alert");
    }

    /** What changed since the recipient last heard of the obligation. */
    String change(Trigger trigger, ObligationStatus status) {
        return switch (trigger.kind()) {
            case THRESHOLD -> trigger.key().threshold() == 0 ? "due today"
                    : "now within " + plural(trigger.key().threshold(), "day") + " of the deadline";
            case EXPIRED -> "deadline passed at " + at(trigger.key().deadline())
                    + ", outcome not recorded: record it with " + Phrases.recordOutcome(status.obligation());
            case UNRESOLVED -> "still no outcome recorded, " + plural(status.daysPassed().orElse(0), "day")
                    + " after the deadline: record it with " + Phrases.recordOutcome(status.obligation()) + " (or ack it)";
            case OUTCOME -> status.outcome().map(o -> "outcome recorded: " + o.result().label()
                    + (o.effective() != null ? " from " + o.effective().display(zone) : "") + " (" + o.source() + ")")
                    .orElse("outcome recorded");
            case EXTENDED -> trigger.extensionSource()
                    .map(x -> "extended to " + x.until().display(zone) + " (" + x.source() + ")")
                    .orElse("deadline moved to " + status.deadline().map(d -> d.display(zone)).orElse("?"));
            case COMPLIANCE -> trigger.previous()
                    .map(p -> "compliance changed from " + p.label() + " to " + status.compliance().state().label())
                    .orElse("compliance: " + status.compliance().state().label());
            case RESOLVED -> "resolved: complying again (was " + trigger.previous().map(p -> p.label()).orElse("?") + ")";
            case STALE -> "evidence went stale: the newest entry is more than " + plural(staleAfterDays, "day") + " old";
            case REPORTED -> trigger.extensionSource().map(x -> "reported, not enacted: " + x.source() + " on "
                    + x.decided() + " said it runs to " + x.until().display(zone) + "; no instrument seen, so the "
                    + "deadline stays " + status.deadline().map(d -> d.display(zone)).orElse("as shown")
                    + " and its alerts go on").orElse("an extension was reported, not enacted");
        };
    }

    String at(Instant instant) {
        return instant.atZone(zone).format(DAY_TIME);
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
