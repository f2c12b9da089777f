package io.minipass.application.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Text as clients send it and as they should not, for properties over generated input: ASCII, CJK, 4-byte
 * characters, controls, lone surrogate halves (the domain's tests have the same generator).
 */
public final class ClientTexts {
    private ClientTexts() {
    }

    /** One code point (or a lone surrogate half) from each kind of text that reaches the service. */
    public static Arbitrary<String> pieces() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, wellFormedPieces()),
                Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)));
    }

    /** One code point of each kind, never a lone surrogate half: text that UTF-8 can carry. */
    public static Arbitrary<String> wellFormedPieces() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u4e00', '\u9fff').map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString)),
                Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF).map(Character::toString)),
                Tuple.of(1, Arbitraries.of("\u0000", "\t", "\n", "\u200d", "\ufe0f", "\u0301", "\ufeff", "\uffff")));
    }

    /** Up to {@code maxPieces} pieces. */
    public static Arbitrary<String> any(int maxPieces) {
        return pieces().list().ofMaxSize(maxPieces).map(list -> String.join("", list));
    }

    /** Up to {@code maxPieces} pieces of well-formed text. */
    public static Arbitrary<String> wellFormed(int maxPieces) {
        return wellFormedPieces().list().ofMaxSize(maxPieces).map(list -> String.join("", list));
    }

    /** Whether the text has a surrogate half without its other half. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
