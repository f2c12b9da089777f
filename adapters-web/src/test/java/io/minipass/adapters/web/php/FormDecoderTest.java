package io.minipass.adapters.web.php;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FormDecoderTest {

    @Test
    void decodesPlusAsSpaceAndPercentEscapes() {
        assertThat(FormDecoder.decode("a=hello+world&b=%E7%BA%B5%E4%B9%8B%E6%A0%BC&c=%2B1"))
                .containsExactly(entry("a", "hello world"), entry("b", "纵之格"), entry("c", "+1"));
    }

    @Test
    void keepsAStrayPercentAsItIs() {
        assertThat(FormDecoder.decode("a=100%&b=%zz&c=%4&d=%"))
                .containsExactly(entry("a", "100%"), entry("b", "%zz"), entry("c", "%4"), entry("d", "%"));
    }

    @Test
    void keepsAPercentWithOneCharacterLeftAtTheEndOfTheInput() {
        assertThat(FormDecoder.decode("a=%4")).containsExactly(entry("a", "%4"));
        assertThat(FormDecoder.decode("a%4")).containsExactly(entry("a%4", ""));
    }

    @Test
    void takesRawUtf8AndUnescapedJson() {
        assertThat(FormDecoder.decode("nick=纵之格&auth_data={\"nickName\":\"x y\"}"))
                .containsExactly(entry("nick", "纵之格"), entry("auth_data", "{\"nickName\":\"x y\"}"));
    }

    @Test
    void readsBytesThatAreNotUtf8AsReplacementCharacters() {
        assertThat(FormDecoder.decode("a=%FF%FEok".getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(entry("a", "\uFFFD\uFFFDok"));
    }

    @Test
    void splitsOnlyAtTheFirstEqualsSign() {
        assertThat(FormDecoder.decode("a=b=c&flag&=orphan&&")).containsExactly(entry("a", "b=c"), entry("flag", ""));
    }

    @Test
    void aLaterFieldReplacesAnEarlierOne() {
        assertThat(FormDecoder.decode("a=1&a=2")).containsExactly(entry("a", "2"));
    }

    @Test
    void bracketsBuildNestedObjects() {
        Map<String, Object> parameters = FormDecoder.decode(
                "auth_data%5BnickName%5D=Tom&auth_data[gender]=1&auth_data[address][city]=Shanghai");

        assertThat(parameters).containsExactly(entry("auth_data", Map.of(
                "nickName", "Tom", "gender", "1", "address", Map.of("city", "Shanghai"))));
        assertThat(List.copyOf(((Map<?, ?>) parameters.get("auth_data")).keySet())).isEqualTo(List.of("nickName", "gender", "address"));
    }

    @Test
    void emptyBracketsAppendToAList() {
        assertThat(FormDecoder.decode("openid[]=a&openid[]=b")).containsExactly(entry("openid", List.of("a", "b")));
        assertThat(FormDecoder.decode("x[0]=a&x[1]=b")).containsExactly(entry("x", List.of("a", "b")));
    }

    @Test
    void anObjectWithNamedKeysStaysAnObjectWhenAppendedTo() {
        assertThat(FormDecoder.decode("x[a]=1&x[]=2&x[]=3")).containsExactly(entry("x", Map.of("a", "1", "0", "2", "1", "3")));
        assertThat(FormDecoder.decode("x[5]=1&x[]=2")).containsExactly(entry("x", Map.of("5", "1", "6", "2")));
        assertThat(FormDecoder.decode("x[05]=1&x[-3]=2&x[]=3")).containsExactly(entry("x", Map.of("05", "1", "-3", "2", "0", "3")));
    }

    @Test
    void appendsAfterIntegerKeysOfUpTo18DigitsOnly() {
        assertThat(FormDecoder.decode("x[999999999999999999]=1&x[]=2"))
                .containsExactly(entry("x", Map.of("999999999999999999", "1", "1000000000000000000", "2")));
        assertThat(FormDecoder.decode("x[1000000000000000000]=1&x[]=2"))
                .containsExactly(entry("x", Map.of("1000000000000000000", "1", "0", "2")));
        assertThat(FormDecoder.decode("x[0]=1&x[]=2")).containsExactly(entry("x", List.of("1", "2")));
    }

    @Test
    void minusZeroIsATextKeyAsInPhp() {
        // PHP keeps "-0" as a string key (a leading zero), so the next append takes 0.
        assertThat(FormDecoder.decode("x[-0]=1&x[]=2")).containsExactly(entry("x", Map.of("-0", "1", "0", "2")));
        assertThat(FormDecoder.decode("x[-7]=1&x[]=2")).containsExactly(entry("x", Map.of("-7", "1", "0", "2")));
    }

    @Test
    void namesWithoutABaseTakeNoneOfTheFieldLimit() {
        StringBuilder query = new StringBuilder("[x]=0&".repeat(5));
        for (int i = 0; i < ParameterTree.MAX_FIELDS; i++) {
            query.append("f").append(i).append("=1&");
        }

        assertThat(FormDecoder.decode(query.toString())).hasSize(ParameterTree.MAX_FIELDS).containsKey("f999");
    }

    @Test
    void aScalarAndAnArrayOfTheSameNameReplaceEachOther() {
        assertThat(FormDecoder.decode("a=1&a[b]=2")).containsExactly(entry("a", Map.of("b", "2")));
        assertThat(FormDecoder.decode("a[b]=2&a=1")).containsExactly(entry("a", "1"));
    }

    @Test
    void oddBracketsNeverFail() {
        assertThat(FormDecoder.decode("a[b=1")).containsExactly(entry("a[b", "1"));
        assertThat(FormDecoder.decode("a[b]c=1")).containsExactly(entry("a", Map.of("b", "1")));
        assertThat(FormDecoder.decode("[x]=1&]=2")).containsExactly(entry("]", "2"));
        assertThat(FormDecoder.decode(" a=1")).containsExactly(entry("a", "1"));
    }

    @Test
    void dropsNamesNestedTooDeep() {
        String deep = "a" + "[x]".repeat(ParameterTree.MAX_DEPTH) + "=1";
        String fine = "b" + "[x]".repeat(ParameterTree.MAX_DEPTH - 1) + "=1";

        assertThat(FormDecoder.decode(deep + "&" + fine)).containsOnlyKeys("b");
    }

    @Test
    void ignoresFieldsBeyondTheLimit() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i <= ParameterTree.MAX_FIELDS; i++) {
            query.append("f").append(i).append("=1&");
        }

        assertThat(FormDecoder.decode(query.toString())).hasSize(ParameterTree.MAX_FIELDS).doesNotContainKey("f1000");
    }

    @Test
    void nothingDecodesToNothing() {
        assertThat(FormDecoder.decode((String) null)).isEmpty();
        assertThat(FormDecoder.decode("")).isEmpty();
    }
}
