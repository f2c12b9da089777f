package io.minipass.adapters.platforms.alipay;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlipaySignatureTest {

    @Test
    void contentIsSortedRawAndWithoutSignOrEmptyValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("timestamp", "2024-01-01 12:00:00");
        params.put("app_id", "2021");
        params.put("sign", "ignored");
        params.put("app_auth_token", "");
        params.put("sign_type", "RSA2");
        params.put("code", "a+b&c");

        assertThat(AlipaySignature.content(params))
                .isEqualTo("app_id=2021&code=a+b&c&sign_type=RSA2&timestamp=2024-01-01 12:00:00");
    }
}
