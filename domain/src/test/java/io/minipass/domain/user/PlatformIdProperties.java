package io.minipass.domain.user;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Openids, unionids and tokens take exactly 1 to 60 printable ASCII characters, and are equal only when their text is. */
class PlatformIdProperties {
    private static final String LOOK_ALIKES = "\u043e\u0430\u0435\u0440\u0441\u0445\u0456\uff4f\uff21\u2010\u00a0\u3000\u200b\u0131\u212a";

    @Property
    void an_openid_a_unionid_and_a_token_take_exactly_printable_ascii_of_1_to_60(@ForAll("ids") String sent) {
        boolean wellFormed = isPrintableAscii(sent) && !sent.isEmpty() && sent.length() <= 60;

        assertThat(accepts(OpenId::new, sent)).isEqualTo(wellFormed);
        assertThat(accepts(UnionId::new, sent)).isEqualTo(wellFormed);
        assertThat(Token.fromClient(sent).isPresent()).isEqualTo(wellFormed);
        if (wellFormed) {
            assertThat(new OpenId(sent).value()).isEqualTo(sent);
            assertThat(UnionId.optional(sent)).contains(new UnionId(sent));
        } else {
            assertThatThrownBy(() -> new OpenId(sent)).isInstanceOf(InvalidInputException.class).hasMessage("openid格式有误");
        }
    }

    @Property
    void two_ids_are_the_same_only_when_their_text_is(@ForAll("ids") String one, @ForAll("variants") String other) {
        Optional<OpenId> first = parse(one);
        Optional<OpenId> second = parse(other);
        if (first.isPresent() && second.isPresent()) {
            assertThat(first.get().equals(second.get())).isEqualTo(one.equals(other));
        }
        assertThat(Token.fromClient(one).equals(Token.fromClient(other)))
                .isEqualTo(Token.fromClient(one).isEmpty() && Token.fromClient(other).isEmpty() || one.equals(other));
    }

    /** Well-formed ids, and the same with one character changed the ways a client or an attacker would. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(wellFormed(), wellFormed().flatMap(PlatformIdProperties::variantOf),
                Arbitraries.strings().ofMaxLength(70));
    }

    @Provide
    Arbitrary<String> variants() {
        return wellFormed().flatMap(id -> Arbitraries.oneOf(Arbitraries.just(id), variantOf(id)));
    }

    private static Arbitrary<String> wellFormed() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(61);
    }

    private static Arbitrary<String> variantOf(String id) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, id.length());
        Arbitrary<String> inserted = Arbitraries.oneOf(Arbitraries.of(" ", "\u0000", "\t", "\n", "\r", "\u007f"),
                Arbitraries.of(LOOK_ALIKES.chars().mapToObj(c -> String.valueOf((char) c)).toList()));
        return Arbitraries.oneOf(
                Combinators.combine(at, inserted).as((i, c) -> id.substring(0, i) + c + id.substring(i)),
                Arbitraries.of(id.toUpperCase(), id.toLowerCase(), id + " ", " " + id, id + "\u0000"),
                at.filter(i -> i < id.length()).map(i -> id.substring(0, i) + swapCase(id.charAt(i)) + id.substring(i + 1)));
    }

    private static char swapCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private static Optional<OpenId> parse(String sent) {
        try {
            return Optional.of(new OpenId(sent));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static boolean accepts(Function<String, ?> constructor, String sent) {
        try {
            constructor.apply(sent);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
