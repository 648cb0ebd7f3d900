package dev.truce.cli;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.TimelineState;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Help.Ansi;

/** Colours for states; identity when colour is off. */
final class Styles {
    private final Ansi ansi;

    Styles(Ansi ansi) {
        this.ansi = ansi;
    }

    UnaryOperator<String> timeline(TimelineState state) {
        return switch (state) {
            case UNRESOLVED, LAPSED, MISSED -> style("bold,red");
            case DUE_TODAY -> style("bold,red");
            case DUE_SOON -> style("yellow");
            case PENDING -> style("cyan");
            case ACTIVE -> style("green");
            case ENDED, FULFILLED, PERMANENT, REPLACED -> style("faint");
        };
    }

    UnaryOperator<String> compliance(ComplianceState state) {
        return switch (state) {
            case BREACHED -> style("bold,red");
            case BREACH_ALLEGED, DISPUTED -> style("red");
            case AT_RISK -> style("yellow");
            case COMPLYING -> style("green");
            case NO_EVIDENCE -> UnaryOperator.identity();
            case UNKNOWN -> style("yellow");
        };
    }

    UnaryOperator<String> style(String markup) {
        if (ansi == Ansi.OFF) {
            return UnaryOperator.identity();
        }
        return text -> ansi.string("@|" + markup + " " + text.replace("|@", "| @") + "|@");
    }

    UnaryOperator<String> bold() {
        return style("bold");
    }
}
