package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTest {

    @Test
    void names_itself_to_clients_as_the_shop_does() {
        assertThat(Platform.WEIXIN.shopName()).isEqualTo("微信");
        assertThat(Platform.ALIPAY.notConfiguredMessage()).isEqualTo("支付宝小程序未配置");
    }

    @Test
    void is_found_by_its_client_type_in_any_case_after_trimming() {
        assertThat(Platform.fromClientType(" WeiXin ")).contains(Platform.WEIXIN);
        assertThat(Platform.fromClientType("kuaishou")).contains(Platform.KUAISHOU);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "pc", "h5", "wei xin"})
    void names_no_platform_otherwise(String clientType) {
        assertThat(Platform.fromClientType(clientType)).isEmpty();
    }
}
