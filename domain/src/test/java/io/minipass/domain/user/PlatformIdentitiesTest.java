package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformIdentitiesTest {

    @Test
    void keeps_the_web_openid_as_found_and_reads_an_absent_one_as_empty() {
        assertThat(new PlatformIdentities(Map.of(), Map.of(), "web-1").weixinWebOpenid()).isEqualTo("web-1");
        assertThat(new PlatformIdentities(null, null, null)).isEqualTo(PlatformIdentities.NONE);
    }

    @Test
    void drops_empty_ids_and_answers_empty_for_a_platform_without_one() {
        Map<Platform, String> openIds = new HashMap<>();
        openIds.put(Platform.WEIXIN, "o-1");
        openIds.put(Platform.QQ, "");
        openIds.put(Platform.ALIPAY, null);
        PlatformIdentities ids = new PlatformIdentities(openIds, Map.of(Platform.WEIXIN, "u-1"), "");

        assertThat(ids.openIds()).isEqualTo(Map.of(Platform.WEIXIN, "o-1"));
        assertThat(ids.openId(Platform.WEIXIN)).isEqualTo("o-1");
        assertThat(ids.openId(Platform.QQ)).isEmpty();
        assertThat(ids.unionId(Platform.WEIXIN)).isEqualTo("u-1");
        assertThat(ids.unionId(Platform.QQ)).isEmpty();
    }

    @Test
    void a_new_openid_joins_the_others_and_replaces_its_platforms() {
        PlatformIdentities ids = new PlatformIdentities(Map.of(Platform.WEIXIN, "o-1", Platform.QQ, "q-1"),
                Map.of(Platform.WEIXIN, "u-1"), "web-1");

        PlatformIdentities bound = ids.withOpenId(Platform.WEIXIN, new OpenId("o-2"));

        assertThat(bound).isEqualTo(new PlatformIdentities(Map.of(Platform.WEIXIN, "o-2", Platform.QQ, "q-1"),
                Map.of(Platform.WEIXIN, "u-1"), "web-1"));
        assertThat(ids.openId(Platform.WEIXIN)).as("unchanged").isEqualTo("o-1");
    }
}
