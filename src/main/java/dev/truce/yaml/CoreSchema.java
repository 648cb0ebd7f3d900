package dev.truce.yaml;

/** The YAML 1.2 core schema's types for plain scalars, by character tests rather than regular expressions. */
final class CoreSchema {
    private CoreSchema() {
    }

    static YamlNode.ScalarType typeOf(String value) {
        switch (value) {
            case "", "~", "null", "Null", "NULL":
                return YamlNode.ScalarType.NULL;
            case "true", "True", "TRUE", "false", "False", "FALSE":
                return YamlNode.ScalarType.BOOLEAN;
            case ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN":
                return YamlNode.ScalarType.DECIMAL;
            default:
                break;
        }
        char first = value.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return YamlNode.ScalarType.STRING;
        }
        return isInteger(value) ? YamlNode.ScalarType.INTEGER
                : isDecimal(value) ? YamlNode.ScalarType.DECIMAL : YamlNode.ScalarType.STRING;
    }

    private static boolean isInteger(String value) {
        int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private static boolean isDecimal(String value) {
        // Dates are the commonest plain scalars starting with a digit; they are never numbers.
        boolean dateLike = value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-';
        return !dateLike && DECIMAL.matcher(value).matches();
    }
}
