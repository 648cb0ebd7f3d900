package dev.truce.cli;

import dev.truce.app.AsOf;
import dev.truce.domain.InvalidValue;
import dev.truce.domain.Moment;
import java.time.ZoneOffset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** --as-of: look at the world as it stood at a moment. */
public final class AsOfOption {
    /** Beyond these years a date is a typo (20226 for 2026), not a moment a truce is about. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2100;

    @Option(names = "--as-of", paramLabel = "DATE|DATETIME", converter = MomentConverter.class,
            description = "See the world as it stood then: a date (start of that day in the truce zone) "
                    + "or a date-time with offset, such as 2025-08-11 or 2025-08-11T09:00-04:00. Default: now.")
    Moment moment;

    public AsOf asOf() {
        return moment == null ? AsOf.NOW : new AsOf(moment);
    }

    /** Parses the same date and date-time forms as the YAML files, between 1970 and 2100. */
    public static final class MomentConverter implements ITypeConverter<Moment> {
        @Override
        public Moment convert(String value) {
            Moment moment;
            try {
                moment = Moment.parse(value.trim());
            } catch (InvalidValue e) {
                throw new TypeConversionException("'" + value + "' " + e.getMessage());
            }
            int year = moment.dateIn(ZoneOffset.UTC).getYear();
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new TypeConversionException("'" + value + "' is outside " + FIRST_YEAR + "–" + LAST_YEAR
                        + " (a typo in the year?)");
            }
            return moment;
        }
    }
}
