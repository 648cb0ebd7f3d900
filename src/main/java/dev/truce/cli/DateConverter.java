package dev.truce.cli;

import dev.truce.domain.Moment;
import dev.truce.yaml.Fields;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A calendar date flag (YYYY-MM-DD), with the same messages as the files. */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        StringBuilder why = new StringBuilder();
        Moment moment = Fields.parseMoment(value.trim(), (message, unused) -> why.append(message));
        if (moment == null) {
            throw new TypeConversionException(why.toString());
        }
        if (!moment.isDateOnly()) {
            throw new TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
        }
        return moment.dateIn(ZoneOffset.UTC);
    }
}
