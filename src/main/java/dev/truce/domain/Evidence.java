package dev.truce.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One dated claim about an obligation: who says it, what they say, and on what basis. Evidence
 * records claims, not truths; {@code recorded} and {@code recordedBy} say when the desk wrote it down.
 * {@code amount}, for a purchase with a target: the claimant's cumulative figure to date, in the target's unit.
 */
public record Evidence(String obligation, Moment date, Stance stance, String claimant, Basis basis, String source,
                       String url, String note, Instant recorded, String recordedBy, BigDecimal amount) {
    public Evidence {
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(source, "source");
    }

    /** When the event is taken to have happened: a bare date counts from the start of that day in the zone. */
    public Instant happened(ZoneId zone) {
        return date.start(zone);
    }

    /** What the rules and a status line read (date, stance, claimant, basis, source, amount): notes and urls dropped. */
    public Evidence summary() {
        return new Evidence(obligation, date, stance, claimant, basis, source, null, null, null, null, amount);
    }

    /** For code that makes entries (tests, generators): the six parts every entry has, the rest named when wanted. */
    public static Builder builder(String obligation, Moment date, Stance stance, String claimant, Basis basis,
                                  String source) {
        return new Builder(obligation, date, stance, claimant, basis, source);
    }

    public Builder toBuilder() {
        return new Builder(obligation, date, stance, claimant, basis, source).url(url).note(note).recorded(recorded)
                .recordedBy(recordedBy).amount(amount);
    }

    public static final class Builder {
        private String obligation;
        private Moment date;
        private Stance stance;
        private String claimant;
        private Basis basis;
        private String source;
        private String url;
        private String note;
        private Instant recorded;
        private String recordedBy;
        private BigDecimal amount;

        private Builder(String obligation, Moment date, Stance stance, String claimant, Basis basis, String source) {
            this.obligation = obligation;
            this.date = date;
            this.stance = stance;
            this.claimant = claimant;
            this.basis = basis;
            this.source = source;
        }

        public Builder obligation(String value) {
            obligation = value;
            return this;
        }

        public Builder date(Moment value) {
            date = value;
            return this;
        }

        public Builder stance(Stance value) {
            stance = value;
            return this;
        }

        public Builder claimant(String value) {
            claimant = value;
            return this;
        }

        public Builder basis(Basis value) {
            basis = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        public Builder recorded(Instant value) {
            recorded = value;
            return this;
        }

        public Builder recordedBy(String value) {
            recordedBy = value;
            return this;
        }

        public Builder amount(BigDecimal value) {
            amount = value;
            return this;
        }

        public Evidence build() {
            return new Evidence(obligation, date, stance, claimant, basis, source, url, note, recorded, recordedBy,
                    amount);
        }
    }
}
