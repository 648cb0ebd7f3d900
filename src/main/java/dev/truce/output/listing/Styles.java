package dev.truce.output.listing;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.TimelineState;
import java.util.function.UnaryOperator;

/**
 * Colours for states, as ANSI SGR sequences; identity when colour is off. Whether colour is on is the command
 * line's call (a terminal, no --no-color, no $NO_COLOR, TERM not dumb): the listings only apply it.
 */
public final class Styles {
    private static final String RESET = "\u001b[0m";
    private final boolean colour;

    public Styles(boolean colour) {
        this.colour = colour;
    }

    /** No colour: for pipes, files and tests. */
    public static Styles plain() {
        return new Styles(false);
    }

    public UnaryOperator<String> timeline(TimelineState state) {
        return switch (state) {
            case UNRESOLVED, LAPSED, MISSED, DUE_TODAY -> style("1;31");
            case DUE_SOON -> style("33");
            case PENDING -> style("36");
            case ACTIVE -> style("32");
            case ENDED, FULFILLED, PERMANENT, REPLACED -> style("2");
        };
    }

    public UnaryOperator<String> compliance(ComplianceState state) {
        return switch (state) {
            case BREACHED -> style("1;31");
            case BREACH_ALLEGED, DISPUTED -> style("31");
            case AT_RISK, UNKNOWN -> style("33");
            case COMPLYING -> style("32");
            case NO_EVIDENCE -> UnaryOperator.identity();
        };
    }

    public UnaryOperator<String> bold() {
        return style("1");
    }

    /** {@code codes}: SGR parameters, e.g. "1;31" for bold red. */
    private UnaryOperator<String> style(String codes) {
        if (!colour) {
            return UnaryOperator.identity();
        }
        return text -> "\u001b[" + codes + "m" + text + RESET;
    }
}
