package io.minipass.adapters.web.php;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Request values as ShopXO's PHP sees them: {@link #isEmpty} is PHP's {@code empty()},
 * {@link #text} is a {@code (string)} cast of a scalar.
 */
public final class PhpValues {
    private PhpValues() {
    }

    /** Absent, {@code ""}, {@code "0"}, zero, {@code false} and empty arrays are empty. */
    public static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String text) {
            return text.isEmpty() || text.equals("0");
        }
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0;
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty();
        }
        return false;
    }

    public static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** A scalar as text (numbers in plain notation, {@code true} as "1", {@code false} as ""); anything else "". */
    public static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "";
        }
        return "";
    }
}
