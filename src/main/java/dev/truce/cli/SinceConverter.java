package dev.truce.cli;

import dev.truce.app.Since;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * --since: a date or date-time (anything that starts like YYYY-MM-DD is read as one, with the checks of
 * --as-of), else a git revision, which only the repository can tell good or bad.
 */
final class SinceConverter implements ITypeConverter<Since> {
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-.*");

    @Override
    public Since convert(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            throw new TypeConversionException("expected a date YYYY-MM-DD, a date-time with offset or a git revision");
        }
        if (DATE_LIKE.matcher(text).matches()) {
            return new Since.At(new AsOfOption.MomentConverter().convert(text), text);
        }
        return new Since.Revision(text);
    }
}
