package io.minipass.adapters.web.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShopxoMethodNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"weixin | Weixin", "PC | Pc", "pc | Pc", "weiXin2 | Weixin2", "' h5 ' | H5",
            "1abc | 1abc", "a | A", "z | Z", "zZ | Zz", "'' | ''", "微信 | 微信", "ÄBC | Äbc", "éa | éa", "x-Y_Z | X-y_z"})
    void capitalisesTheFirstLetterAndLowersTheRestAsPhpDoes(String clientType, String name) {
        assertThat(ShopxoMethodName.of(clientType)).isEqualTo(name);
    }

    @Test
    void echoesAtMostThirtyCharactersOfTheClientType() {
        assertThat(ShopxoMethodName.of("X".repeat(200))).isEqualTo("X" + "x".repeat(29));
        assertThat(ShopxoMethodName.of("😀".repeat(40))).isEqualTo("😀".repeat(30));
    }

    @Test
    void namesTheMissingMethod() {
        assertThat(ShopxoMethodName.undefined("pc", "UserAuth")).isEqualTo("方法未定义[PcUserAuth]");
        assertThat(ShopxoMethodName.undefined("WAP", "UserMobileBind")).isEqualTo("方法未定义[WapUserMobileBind]");
        assertThat(ShopxoMethodName.undefined(" ios ", "UserInfo")).isEqualTo("方法未定义[IosUserInfo]");
    }
}
