package io.minipass.adapters.web.php;

import io.minipass.application.testing.ClientTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PHP's form names as {@link FormDecoder} reads them: nesting, appending, repeated names, and any bytes at all. */
class FormDecoderProperties {
    private static final String NAME_CHARS = "abcXYZ_.-纵格";

    @Property
    void any_bytes_decode_to_names_strings_objects_and_lists_the_same_each_time(@ForAll("forms") byte[] form) {
        Map<String, Object> decoded = FormDecoder.decode(form);

        assertThat(decoded.size()).isLessThanOrEqualTo(ParameterTree.MAX_FIELDS);
        assertThat(decoded).isEqualTo(FormDecoder.decode(form.clone()));
        decoded.forEach((name, value) -> {
            assertThat(name).isNotEmpty();
            assertThat(Character.isWhitespace(name.charAt(0))).as("a name's leading space is no part of it").isFalse();
            assertPlain(value, 1);
        });
    }

    @Property(tries = 500)
    void nested_names_read_back_as_the_tree_they_were_written_from_whatever_came_before(
            @ForAll("trees") Map<String, Object> tree, @ForAll boolean escapeBrackets, @ForAll("shadows") List<String> shadows) {
        StringBuilder form = new StringBuilder();
        // a field of the same name sent before is replaced: a value by anything, an object only by a value
        for (String name : tree.keySet()) {
            String shadow = shadows.get(Math.abs(name.hashCode()) % shadows.size());
            if (shadow.startsWith("=") || !shadow.isEmpty() && tree.get(name) instanceof String) {
                form.append(encode(name)).append(shadow).append('&');
            }
        }
        tree.forEach((name, value) -> write(form, name, value, escapeBrackets));

        assertThat(FormDecoder.decode(form.toString())).isEqualTo(tree);
    }

    private static void write(StringBuilder form, String name, Object value, boolean escapeBrackets) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> write(form, name + bracket("[", escapeBrackets) + encode((String) key)
                    + bracket("]", escapeBrackets), inner, escapeBrackets));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> write(form, name + bracket("[", escapeBrackets) + bracket("]", escapeBrackets),
                    element, escapeBrackets));
        } else {
            form.append(name.contains("%") || name.contains("[") ? name : encode(name)).append('=')
                    .append(encode((String) value)).append('&');
        }
    }

    private static String bracket(String bracket, boolean escape) {
        return escape ? encode(bracket) : bracket;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertPlain(Object value, int depth) {
        assertThat(depth).isLessThanOrEqualTo(ParameterTree.MAX_DEPTH);
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                assertThat(key).isInstanceOf(String.class);
                assertPlain(inner, depth + 1);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> assertPlain(inner, depth + 1));
        } else {
            assertThat(value).isInstanceOf(String.class);
        }
    }

    /** Forms with odd names: brackets in any order, escapes good and bad, repeated names; and plain random bytes. */
    @Provide
    Arbitrary<byte[]> forms() {
        Arbitrary<String> odd = Arbitraries.strings().withChars("ab[]]=&%+5Bd0 \t.").ofMaxLength(60);
        Arbitrary<String> deep = Arbitraries.integers().between(0, 40).map(n -> "a" + "[x]".repeat(n) + "=1&b[]=2");
        return Arbitraries.oneOf(
                odd.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                deep.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                ClientTexts.any(60).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    /** Names of objects (never integers, which read as list indexes), nested up to 3 deep, with lists of text. */
    @Provide
    Arbitrary<Map<String, Object>> trees() {
        return node(3);
    }

    private Arbitrary<Map<String, Object>> node(int depth) {
        Arbitrary<Object> leaf = ClientTexts.wellFormed(8).map(text -> (Object) text);
        Arbitrary<Object> list = ClientTexts.wellFormed(5).list().ofMinSize(1).ofMaxSize(3).map(texts -> (Object) new ArrayList<>(texts));
        Arbitrary<Object> value = depth == 0 ? Arbitraries.oneOf(leaf, list)
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, list),
                        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> node(depth - 1)).map(map -> (Object) map)));
        Arbitrary<String> names = Arbitraries.strings().withChars(NAME_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(6)
                .map(name -> "k" + name);
        return Arbitraries.maps(names, value).ofMinSize(1).ofMaxSize(4).map(LinkedHashMap::new);
    }

    /** What a field sent earlier under the same name says: nothing, a value, or an object. */
    @Provide
    Arbitrary<List<String>> shadows() {
        return Arbitraries.of("", "=early", "[x]=early", "[]=early").list().ofMinSize(1).ofMaxSize(3);
    }
}
