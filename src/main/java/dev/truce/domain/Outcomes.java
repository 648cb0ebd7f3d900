package dev.truce.domain;

/** What an outcome means for a desk, in words: what comes back after a lapse, where to look after a replacement. */
public final class Outcomes {
    private Outcomes() {
    }

    public static String meaning(Obligation o, Outcome outcome) {
        String what = o.kind() == Kind.PAUSED_TARIFF ? "the paused tariff"
                : o.kind() == Kind.SUSPENDED_COUNTERMEASURE ? "the suspended countermeasure"
                : o.kind() == Kind.EXPORT_CONTROL ? "the export control" : "what it held back";
        if (o.kind() == Kind.MEASURE && outcome.result() == OutcomeResult.LAPSED) {
            return "the measure ran out at its deadline: it no longer applies" + (o.duty() != null ? " (duty "
                    + o.duty().lapsed().stripTrailingZeros().toPlainString() + "% in " + o.duty().market() + ")" : "") + ".";
        }
        return switch (outcome.result()) {
            case LAPSED -> "it lapsed: " + what + " applies again" + (outcome.duty() != null ? " (duty "
                    + outcome.duty().stripTrailingZeros().toPlainString() + "%)" : o.duty() != null ? " (duty "
                    + o.duty().lapsed().stripTrailingZeros().toPlainString() + "% in " + o.duty().market() + ")" : "")
                    + ".";
            case ENDED -> "it ended with nothing to snap back: " + what + " no longer exists or no longer applies"
                    + (outcome.duty() != null ? " (duty now " + outcome.duty().stripTrailingZeros().toPlainString() + "%)" : "")
                    + ".";
            case FULFILLED -> "the commitment was met.";
            case MISSED -> "the commitment was not met.";
            case PERMANENT -> "the suspension became a removal: it stays as it is, with no deadline.";
            case REPLACED -> "it was replaced: look at " + String.join(", ", outcome.by()) + " instead.";
        };
    }
}
