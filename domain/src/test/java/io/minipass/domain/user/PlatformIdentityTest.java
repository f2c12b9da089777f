package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformIdentityTest {
    private static final OpenId OPENID = new OpenId("o-1");
    private static final Optional<UnionId> UNIONID = Optional.of(new UnionId("u-1"));

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"WEIXIN", "TOUTIAO", "QQ"})
    void keeps_the_unionid_of_a_platform_whose_unionids_bind(Platform platform) {
        assertThat(new PlatformIdentity(platform, OPENID, UNIONID).unionId()).isEqualTo(UNIONID);
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"ALIPAY", "BAIDU", "KUAISHOU"})
    void drops_the_unionid_of_a_platform_whose_unionids_bind_nobody(Platform platform) {
        assertThat(new PlatformIdentity(platform, OPENID, UNIONID).unionId()).isEmpty();
    }

    @Test
    void an_absent_unionid_is_none() {
        assertThat(new PlatformIdentity(Platform.WEIXIN, OPENID, null).unionId()).isEmpty();
    }

    @Test
    void reads_as_the_platform_row_that_holds_it() {
        PlatformIdentities ids = new PlatformIdentity(Platform.QQ, OPENID, UNIONID).ids();

        assertThat(ids.openIds()).isEqualTo(Map.of(Platform.QQ, "o-1"));
        assertThat(ids.unionIds()).isEqualTo(Map.of(Platform.QQ, "u-1"));
    }

    @Test
    void a_login_identity_reads_through_its_system_type_and_platform() {
        LoginIdentity login = new LoginIdentity(new SystemType("h5"), new PlatformIdentity(Platform.ALIPAY, OPENID,
                UNIONID));

        assertThat(login.channel()).isEqualTo(new Channel("h5", "alipay"));
        assertThat(login.unionId()).isEmpty();
    }

    @Test
    void a_login_identity_answers_with_its_platform_identitys_ids() {
        LoginIdentity login = new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN, OPENID,
                UNIONID));

        assertThat(login.platform()).isEqualTo(Platform.WEIXIN);
        assertThat(login.openId()).isEqualTo(OPENID);
        assertThat(login.unionId()).isEqualTo(UNIONID);
        assertThat(login.ids()).isEqualTo(PlatformIdentities.of(Platform.WEIXIN, OPENID, UNIONID));
        assertThat(login.ids().unionId(Platform.WEIXIN)).isEqualTo("u-1");
    }
}
