package io.minipass.adapters.web.user;

import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientProfilesTest {

    @Test
    void readsTheSeedPayload() {
        Profile profile = ClientProfiles.read(Platform.WEIXIN, Map.of("nickName", "ShopXO@纵之格", "gender", 0,
                "language", "zh_CN", "city", "", "province", "", "country", "", "avatarUrl", "https://thirdwx.qlogo.cn/x/132"));

        assertThat(profile).isEqualTo(new Profile("ShopXO@纵之格", "https://thirdwx.qlogo.cn/x/132", Gender.SECRET, "", ""));
    }

    @ParameterizedTest
    @CsvSource({"WEIXIN,1,MALE", "WEIXIN,2,FEMALE", "WEIXIN,0,SECRET", "WEIXIN,3,SECRET", "TOUTIAO,1,MALE", "TOUTIAO,2,FEMALE"})
    void numericGenderCodesSwapIntoTheShops(Platform platform, int sent, Gender stored) {
        assertThat(ClientProfiles.read(platform, Map.of("gender", sent)).gender()).isEqualTo(stored);
        assertThat(ClientProfiles.read(platform, Map.of("gender", String.valueOf(sent))).gender()).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"m,MALE", "M,MALE", "f,FEMALE", "F,FEMALE", "x,SECRET", "1,SECRET"})
    void alipaySendsLetters(String sent, Gender stored) {
        assertThat(ClientProfiles.read(Platform.ALIPAY, Map.of("gender", sent)).gender()).isEqualTo(stored);
    }

    @Test
    void alipayNamesItsAvatarAvatar() {
        Profile profile = ClientProfiles.read(Platform.ALIPAY, Map.of("nickName", "支付宝用户", "avatar", "https://a/x.png"));

        assertThat(profile.nickname()).isEqualTo("支付宝用户");
        assertThat(profile.avatar()).isEqualTo("https://a/x.png");
    }

    @Test
    void kuaishouSendsNoGender() {
        assertThat(ClientProfiles.read(Platform.KUAISHOU, Map.of("nickName", "k", "gender", 1)).gender()).isEqualTo(Gender.SECRET);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void nestedValuesAreNotTextAndScalarsReadAsPhpWritesThem(Platform platform) {
        Profile profile = ClientProfiles.read(platform, Map.of("nickName", List.of("a"), "city", new BigDecimal("12.50"),
                "province", true));

        assertThat(profile.nickname()).isEmpty();
        assertThat(profile.city()).isEqualTo("12.50");
        assertThat(profile.province()).isEqualTo("1");
    }
}
