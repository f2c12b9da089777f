package io.minipass.domain.user;

/** Fits text to a column measured in characters (code points), never splitting one. */
public final class TextFit {
    private TextFit() {
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

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
