package dev.truce.domain.exposure;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How rates and amounts are written for people: 10, 7.5; 2,400,000; +576,000. */
public final class Amounts {
    /** One format per thread: a DecimalFormat is costly to make (a listing of 10,000 products writes 50,000 amounts). */
    private static final ThreadLocal<DecimalFormat> AMOUNT = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Amounts() {
    }

    /** A rate in percent, with no trailing zeros: 10, 7.5. */
    public static String rate(BigDecimal rate) {
        return plain(rate).toPlainString();
    }

    /** 2,400,000 or 1,250.5; "-" for none. */
    public static String amount(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        return AMOUNT.get().format(value);
    }

    /** An amount with its sign, +576,000 or -240,000; "-" for none. */
    public static String signed(BigDecimal value) {
        return value != null && value.signum() > 0 ? "+" + amount(value) : amount(value);
    }

    /** The number with no trailing zeros and never in exponent form (10, not 1E+1). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
