package dev.truce.cli;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Moment;
import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A calendar date flag (YYYY-MM-DD), with the same messages as the files. */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            LocalDate date = Moment.parseDate(value.trim());
            if (date.getYear() < AsOfOption.FIRST_YEAR || date.getYear() > AsOfOption.LAST_YEAR) {
                throw new TypeConversionException("'" + value + "' is outside " + AsOfOption.FIRST_YEAR + "–"
                        + AsOfOption.LAST_YEAR + " (a typo in the year?)");
            }
            return date;
        } catch (InvalidValue e) {
            throw new TypeConversionException("'" + value + "' " + e.getMessage());
        }
    }
}
