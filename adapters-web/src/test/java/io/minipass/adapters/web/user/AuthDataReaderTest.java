package io.minipass.adapters.web.user;

import io.minipass.application.port.in.AuthData;
import io.minipass.domain.user.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class AuthDataReaderTest {

    @Test
    void readsAJsonObjectInAString() {
        AuthData authData = AuthDataReader.read("{\"nickName\":\"ShopXO@纵之格\",\"gender\":0,\"score\":1.10}");

        assertThat(authData.fields()).containsExactly(
                entry("nickName", "ShopXO@纵之格"), entry("gender", 0), entry("score", new BigDecimal("1.10")));
    }

    @Test
    void readsAnHtmlEscapedJsonObject() {
        AuthData authData = AuthDataReader.read("{&quot;nickName&quot;:&quot;&lt;b&gt;Tom &amp;amp; Jerry&#039;s&lt;/b&gt;&quot;}");

        assertThat(authData.text("nickName")).isEqualTo("<b>Tom &amp; Jerry's</b>");
    }

    @Test
    void keepsTextOfValidJsonAsSent() {
        AuthData authData = AuthDataReader.read("{\"nickName\":\"<b>Tom &quot;T&quot;</b>\"}");

        assertThat(authData.text("nickName")).isEqualTo("<b>Tom &quot;T&quot;</b>");
    }

    @Test
    void takesAnObjectAsItIs() {
        assertThat(AuthDataReader.read(Map.of("nickName", "Tom")).fields()).containsExactly(entry("nickName", "Tom"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "123", "\"text\"", "true", "null", "{bad", "{\"a\":1} trailing", "nickName=Tom", "&quot;x&quot;"})
    void refusesTextThatIsNoJsonObject(String text) {
        assertThatThrownBy(() -> AuthDataReader.read(text))
                .isInstanceOf(InvalidInputException.class).hasMessage("授权数据格式有误");
    }

    @Test
    void refusesOtherShapes() {
        for (Object value : new Object[] {List.of("a"), 5, true, null}) {
            assertThatThrownBy(() -> AuthDataReader.read(value)).as("%s", value)
                    .isInstanceOf(InvalidInputException.class).hasMessage("授权数据格式有误");
        }
    }

    @Test
    void anEmptyObjectIsAnEmptyProfile() {
        assertThat(AuthDataReader.read("{}").fields()).isEmpty();
    }
}
