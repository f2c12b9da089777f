package io.minipass.domain.user;

/**
 * Fits text to a column measured in characters (code points), never splitting one, and makes it text a column can
 * hold: a surrogate half without its other half (a JSON escape of half a pair makes one) has no UTF-8 form, and
 * MySQL's driver would store it as {@code ?} where H2 keeps it.
 */
public final class TextFit {
    private TextFit() {
    }

    /**
     * What a ShopXO text column keeps of the text: well formed ({@link #wellFormed}), cut to the column's length, without
     * trailing spaces, since ShopXO declares its text columns CHAR and MySQL reads a CHAR without them: the answer a
     * registration gives then reads as every later one.
     */
    public static String forColumn(String text, int maxCharacters) {
        String cut = cut(wellFormed(text), maxCharacters);
        int end = cut.length();
        while (end > 0 && cut.charAt(end - 1) == ' ') {
            end--;
        }
        return cut.substring(0, end);
    }

    public static String cut(String text, int maxCharacters) {
        if (text == null) {
            return "";
        }
        if (length(text) <= maxCharacters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCharacters));
    }

    /** The text with each lone surrogate half replaced by U+FFFD, as bytes that are no UTF-8 read; null reads "". */
    public static String wellFormed(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text);
                }
                fixed.setCharAt(i, '\uFFFD');
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
