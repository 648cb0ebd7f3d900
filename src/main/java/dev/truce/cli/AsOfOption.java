package dev.truce.cli;

import dev.truce.app.AsOf;
import dev.truce.domain.Moment;
import dev.truce.yaml.Fields;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** --as-of: look at the world as it stood at a moment. */
public final class AsOfOption {
    @Option(names = "--as-of", paramLabel = "DATE|DATETIME", converter = MomentConverter.class,
            description = "See the world as it stood then: a date (start of that day in the truce zone) "
                    + "or a date-time with offset, such as 2025-08-11 or 2025-08-11T09:00-04:00. Default: now.")
    Moment moment;

    public AsOf asOf() {
        return moment == null ? AsOf.NOW : new AsOf(moment);
    }

    /** Parses the same date and date-time forms as the YAML files. */
    public static final class MomentConverter implements ITypeConverter<Moment> {
        @Override
        public Moment convert(String value) {
            StringBuilder why = new StringBuilder();
            Moment moment = Fields.parseMoment(value.trim(), (message, unused) -> why.append(message));
            if (moment == null) {
                throw new TypeConversionException(why.toString());
            }
            return moment;
        }
    }
}
