package io.minipass.adapters.web.user;

import io.minipass.adapters.web.php.FormDecoder;
import io.minipass.adapters.web.php.JsonCodec;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.testing.ClientTexts;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code auth_data} in each shape a client sends it reads as the same profile; anything else is refused, never thrown. */
class AuthDataReaderProperties {

    @Property(tries = 500)
    void every_shape_of_the_same_profile_reads_the_same(@ForAll("profiles") Map<String, Object> sent,
                                                         @ForAll("plainPlatforms") Platform platform) throws Exception {
        String json = new String(JsonCodec.write(sent), StandardCharsets.UTF_8);
        ProfileData asJsonText = AuthDataReader.read(platform, json);

        assertThat(AuthDataReader.read(platform, htmlEscaped(json))).as("HTML-escaped JSON").isEqualTo(asJsonText);
        assertThat(AuthDataReader.read(platform, JsonCodec.parse(json))).as("an object in a JSON body").isEqualTo(asJsonText);
        Object formNested = FormDecoder.decode(formFields(sent)).get("auth_data");
        assertThat(AuthDataReader.read(platform, formNested)).as("auth_data[...] form fields").isEqualTo(asJsonText);
        Object urlEncodedJson = FormDecoder.decode("auth_data=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).get("auth_data");
        assertThat(AuthDataReader.read(platform, urlEncodedJson)).as("url-encoded JSON").isEqualTo(asJsonText);
    }

    @Property(tries = 500)
    void any_value_reads_as_a_profile_or_is_refused(@ForAll("values") Object value, @ForAll Platform platform) {
        try {
            ProfileData first = AuthDataReader.read(platform, value);
            assertThat(AuthDataReader.read(platform, value)).isEqualTo(first);
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isIn(AuthDataReader.MALFORMED, AuthDataReader.NO_ENCRYPTED_DATA, AuthDataReader.NO_IV);
        }
    }

    /** PHP's {@code htmlspecialchars} with {@code ENT_QUOTES}, as ShopXO's input filter leaves a form value. */
    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#039;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String formFields(Map<String, Object> profile) {
        StringJoiner form = new StringJoiner("&");
        profile.forEach((key, value) -> form.add(URLEncoder.encode("auth_data[" + key + "]", StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        return form.toString();
    }

    @Provide
    Arbitrary<Platform> plainPlatforms() {
        return Arbitraries.of(Platform.WEIXIN, Platform.ALIPAY, Platform.TOUTIAO, Platform.KUAISHOU);
    }

    /** Profile fields each platform sends (text of every kind, genders as numbers or text), at least one: with none, form fields send no auth_data at all. */
    @Provide
    Arbitrary<Map<String, Object>> profiles() {
        Arbitrary<Object> text = ClientTexts.wellFormed(70).map(t -> (Object) t);
        Arbitrary<Object> gender = Arbitraries.oneOf(Arbitraries.integers().between(0, 3).map(g -> (Object) g),
                Arbitraries.of("1", "2", "m", "f", "M", "").map(g -> (Object) g));
        Arbitrary<String> fields = Arbitraries.of("nickName", "avatarUrl", "avatar", "province", "city");
        return Combinators.combine(Arbitraries.maps(fields, text).ofMinSize(1).ofMaxSize(5), gender, Arbitraries.of(true, false))
                .as((texts, sex, withGender) -> {
                    Map<String, Object> profile = new LinkedHashMap<>(texts);
                    if (withGender) {
                        profile.put("gender", sex);
                    }
                    return profile;
                });
    }

    /** Text that is or is near JSON, HTML-escaped or not, and values of every other shape. */
    @Provide
    Arbitrary<Object> values() {
        Arbitrary<String> nearJson = Arbitraries.strings().withChars("{}[]\":,&quot;#039ltg 1a\\").ofMaxLength(40);
        return Arbitraries.oneOf(
                nearJson.map(t -> (Object) t),
                ClientTexts.any(30).map(t -> (Object) t),
                profiles().map(p -> (Object) htmlEscaped(new String(JsonCodec.write(p), StandardCharsets.UTF_8))),
                profiles().map(p -> (Object) p),
                Arbitraries.of(5, true, false, 1.5).map(v -> (Object) v),
                Arbitraries.just(null),
                ClientTexts.any(5).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.of(Map.of("encrypted_data", "x"), Map.of("iv", "y"), Map.of("encrypted_data", "x", "iv", "y"))
                        .map(m -> (Object) m));
    }
}
