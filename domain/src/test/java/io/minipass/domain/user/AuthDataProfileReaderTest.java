package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthDataProfileReaderTest {

    @Test
    void reads_the_seed_payload() {
        Profile profile = AuthDataProfileReader.read(Platform.WEIXIN, Map.of("nickName", "ShopXO@纵之格", "gender", 0,
                "language", "zh_CN", "city", "", "province", "", "country", "", "avatarUrl", "https://thirdwx.qlogo.cn/x/132"));

        assertThat(profile).isEqualTo(new Profile("ShopXO@纵之格", "https://thirdwx.qlogo.cn/x/132", Gender.SECRET, "", ""));
    }

    @ParameterizedTest
    @CsvSource({"WEIXIN,1,MALE", "WEIXIN,2,FEMALE", "WEIXIN,0,SECRET", "WEIXIN,3,SECRET", "QQ,1,MALE", "QQ,2,FEMALE",
            "TOUTIAO,1,MALE", "TOUTIAO,2,FEMALE", "BAIDU,1,MALE", "BAIDU,2,FEMALE"})
    void numeric_gender_codes_swap_into_the_shops(Platform platform, int sent, Gender stored) {
        assertThat(AuthDataProfileReader.read(platform, Map.of("gender", sent)).gender()).isEqualTo(stored);
        assertThat(AuthDataProfileReader.read(platform, Map.of("gender", String.valueOf(sent))).gender()).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"m,MALE", "M,MALE", "f,FEMALE", "F,FEMALE", "x,SECRET", "1,SECRET"})
    void alipay_sends_letters(String sent, Gender stored) {
        assertThat(AuthDataProfileReader.read(Platform.ALIPAY, Map.of("gender", sent)).gender()).isEqualTo(stored);
    }

    @Test
    void alipay_names_its_avatar_avatar() {
        Profile profile = AuthDataProfileReader.read(Platform.ALIPAY, Map.of("nickName", "支付宝用户", "avatar", "https://a/x.png"));
        assertThat(profile.nickname()).isEqualTo("支付宝用户");
        assertThat(profile.avatar()).isEqualTo("https://a/x.png");
    }

    @Test
    void kuaishou_sends_no_gender() {
        assertThat(AuthDataProfileReader.read(Platform.KUAISHOU, Map.of("nickName", "k", "gender", 1)).gender()).isEqualTo(Gender.SECRET);
    }

    @Test
    void baidu_decrypted_payload_uses_its_own_names() {
        Profile profile = AuthDataProfileReader.read(Platform.BAIDU,
                Map.of("openid", "k9", "nickname", "百度用户", "headimgurl", "https://b/x.jpg", "sex", 2));
        assertThat(profile).isEqualTo(new Profile("百度用户", "https://b/x.jpg", Gender.FEMALE, "", ""));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void nested_values_are_not_text(Platform platform) {
        Profile profile = AuthDataProfileReader.read(platform, Map.of("nickName", List.of("a"), "nickname", Map.of("a", 1),
                "city", new BigDecimal("12.50"), "province", true));
        assertThat(profile.nickname()).isEmpty();
        assertThat(profile.city()).isEqualTo("12.50");
        assertThat(profile.province()).isEqualTo("true");
    }
}
