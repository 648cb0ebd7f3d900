package dev.truce.cli;

import dev.truce.app.Since;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * --since: a date or date-time (anything that starts like YYYY-MM-DD is read as one, with the checks of
 * --as-of), a span back from now (7d, 2w, 24h, "1 week ago"), else a git revision, which only the repository can
 * tell good or bad.
 */
final class SinceConverter implements ITypeConverter<Since> {
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-.*");
    /** 7d, 2w, 24h, "3 days ago", "1 week ago": what a person types for "since last week". */
    private static final Pattern AGO = Pattern.compile(
            "(\\d{1,4})\\s*(d|days?|w|weeks?|h|hours?)(\\s+ago)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Since convert(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            throw new TypeConversionException("expected a date YYYY-MM-DD, a date-time with offset or a git revision");
        }
        if (DATE_LIKE.matcher(text).matches()) {
            return new Since.At(new AsOfOption.MomentConverter().convert(text), text);
        }
        java.util.regex.Matcher ago = AGO.matcher(text);
        if (ago.matches()) {
            int n = Integer.parseInt(ago.group(1));
            char unit = Character.toLowerCase(ago.group(2).charAt(0));
            return new Since.Ago(unit == 'h' ? java.time.Period.ZERO : java.time.Period.ofDays(unit == 'w' ? 7 * n : n),
                    unit == 'h' ? java.time.Duration.ofHours(n) : java.time.Duration.ZERO, text);
        }
        return new Since.Revision(text);
    }
}
