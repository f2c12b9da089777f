package io.minipass.adapters.platforms.weixin;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.PlatformJson;

/** WeChat judges its answers by {@code errcode}: absent means 0 (success). */
final class WechatErrors {
    private WechatErrors() {
    }

    /** The answer's {@code errcode} as text ({@link PlatformJson#code}), {@code 0} when absent. */
    static String errcode(JsonNode answer) {
        String errcode = PlatformJson.code(answer, "errcode");
        return errcode.isEmpty() ? "0" : errcode;
    }
}
