package dev.truce.domain.exposure;

import dev.truce.domain.Products;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a desk's product list: an HTS/HS code, the market whose import tariff applies to it (a party
 * of the truce), the annual import value in any one currency (the customs value the duty is charged on; null
 * when not given) and a description; {@code origin}, the country the goods are a product of (an ISO 3166 code
 * such as CN or HK; null: the truce's other party), and {@code baseDuty}, the duty outside the truce in percent as
 * the desk's broker applies it (null: not given).
 */
public record Product(String hts, String market, String origin, BigDecimal value, String description,
                      BigDecimal baseDuty) {
    /** Digits in groups separated by single dots. */
    private static final Pattern CODE = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    public static final int MIN_DIGITS = 2;
    public static final int MAX_DIGITS = 10;
    public static final String CODE_EXPECTED = "expected 2 to 10 digits, with or without dots, such as 8505.11.0070";

    public Product {
        Objects.requireNonNull(hts, "hts");
        Objects.requireNonNull(market, "market");
        if (problemWithCode(hts).isPresent()) {
            throw new IllegalArgumentException("not an HTS code");
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("a negative value");
        }
        if (baseDuty != null && baseDuty.signum() < 0) {
            throw new IllegalArgumentException("a negative base duty");
        }
    }

    /** A product of the truce's other party, with no base duty given. */
    public Product(String hts, String market, BigDecimal value, String description) {
        this(hts, market, null, value, description, null);
    }

    /** The code's digits: 8505.11.0070 is 8505110070. */
    public String digits() {
        return Products.digits(hts);
    }

    /** What is wrong with a code as a desk typed it (without quoting it), or empty when it is a code. */
    public static Optional<String> problemWithCode(String code) {
        if (code.isEmpty()) {
            return Optional.of("is empty (" + CODE_EXPECTED + ")");
        }
        if (!CODE.matcher(code).matches()) {
            return Optional.of("is not an HTS code (" + CODE_EXPECTED + ")");
        }
        int digits = Products.digits(code).length();
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return Optional.of("has " + digits + (digits == 1 ? " digit" : " digits") + " (" + CODE_EXPECTED + ")");
        }
        return Optional.empty();
    }
}
