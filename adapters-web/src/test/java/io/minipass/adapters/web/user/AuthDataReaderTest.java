package io.minipass.adapters.web.user;

import io.minipass.application.port.in.ProfileData;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
        assertThat(AuthDataReader.fields("{\"nickName\":\"ShopXO@纵之格\",\"gender\":0,\"score\":1.10}")).containsExactly(
                entry("nickName", "ShopXO@纵之格"), entry("gender", 0), entry("score", new BigDecimal("1.10")));
    }

    @Test
    void readsAnHtmlEscapedJsonObject() {
        assertThat(plain(Platform.WEIXIN, "{&quot;nickName&quot;:&quot;&lt;b&gt;Tom &amp;amp; Jerry&#039;s&lt;/b&gt;&quot;}")
                .nickname()).isEqualTo("<b>Tom &amp; Jerry's</b>");
    }

    @Test
    void keepsTextOfValidJsonAsSent() {
        assertThat(plain(Platform.WEIXIN, "{\"nickName\":\"<b>Tom &quot;T&quot;</b>\"}").nickname())
                .isEqualTo("<b>Tom &quot;T&quot;</b>");
    }

    @Test
    void takesAnObjectAsItIs() {
        assertThat(AuthDataReader.fields(Map.of("nickName", "Tom"))).containsExactly(entry("nickName", "Tom"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "123", "\"text\"", "true", "null", "{bad", "{\"a\":1} trailing", "nickName=Tom", "&quot;x&quot;"})
    void refusesTextThatIsNoJsonObject(String text) {
        assertThatThrownBy(() -> AuthDataReader.read(Platform.WEIXIN, text))
                .isInstanceOf(InvalidInputException.class).hasMessage("授权数据格式有误");
    }

    @Test
    void refusesOtherShapes() {
        for (Object value : new Object[] {List.of("a"), 5, true, null}) {
            assertThatThrownBy(() -> AuthDataReader.read(Platform.WEIXIN, value)).as("%s", value)
                    .isInstanceOf(InvalidInputException.class).hasMessage("授权数据格式有误");
        }
    }

    @Test
    void anEmptyObjectIsAnEmptyProfile() {
        assertThat(plain(Platform.WEIXIN, "{}")).isEqualTo(new Profile("", "", Gender.SECRET, "", ""));
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"BAIDU", "QQ"})
    void baiduAndQqSendTheirProfileSealed(Platform platform) {
        assertThat(AuthDataReader.read(platform, "{\"encrypted_data\":\"c2VhbGVk\",\"iv\":\"r7BXXKkLb8qrSNn05n0qiA==\"}"))
                .isEqualTo(new ProfileData.Sealed("c2VhbGVk", "r7BXXKkLb8qrSNn05n0qiA=="));
        assertThatThrownBy(() -> AuthDataReader.read(platform, Map.of("iv", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessage("解密数据为空");
        assertThatThrownBy(() -> AuthDataReader.read(platform, Map.of("encrypted_data", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessage("iv为空,请重试");
    }

    private static Profile plain(Platform platform, Object value) {
        return ((ProfileData.Plain) AuthDataReader.read(platform, value)).profile();
    }
}
