package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebAppFixture;
import io.minipass.application.LoginSettings;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.service.LoginUseCases;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The user routes each ShopXO has, as bootstrap gets them. */
class UserEndpointsTest {
    private final UserApi api = new UserApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void servesShopXoV2sFourRoutes() {
        Map<String, ApiEndpoint> endpoints = UserEndpoints.create(ShopxoDialect.V2, useCases(), WebAppFixture.defaultSettings());

        assertThat(endpoints.keySet()).containsExactlyInAnyOrder("user/appminiuserinfo", "user/appminiuserauth",
                "user/tokenuserinfo", "user/onekeyusermobilebind");
        assertThat(endpoints.get("user/appminiuserinfo")).isInstanceOf(LogInMiniProgramUserEndpoint.class);
        assertThat(endpoints.get("user/tokenuserinfo").readsPostOnly()).isFalse();
    }

    @Test
    void servesShopXoV6sSixRoutesTheLoginsAndMobilesOverPostOnly() {
        Map<String, ApiEndpoint> endpoints = UserEndpoints.create(ShopxoDialect.V6, useCases(), WebAppFixture.defaultSettings());

        assertThat(endpoints.keySet()).containsExactlyInAnyOrder("user/appminiuserinfo", "user/appminiuserauth",
                "user/tokenuserinfo", "user/onekeyusermobilebind", "user/onekeyusermobiledecrypt", "user/userbasereg");
        endpoints.forEach((route, endpoint) ->
                assertThat(endpoint.readsPostOnly()).as(route).isEqualTo(!route.equals("user/tokenuserinfo")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user/onekeyusermobiledecrypt", "user/userbasereg"})
    void knowsNoneOfShopXoV6sNewRoutesForShopXoV2(String route) {
        ApiClient client = api.start();

        Answer answer = client.postJson("/api.php?s=" + route + "&application_client_type=weixin", "{\"openid\":\"o1\"}");

        assertThat(answer.json()).containsExactly(entry("msg", "接口不存在[" + route + "]"), entry("code", -1000),
                entry("data", List.of()));
    }

    private static LoginUseCases useCases() {
        return LoginUseCases.create(new InMemoryUserStore().ports(), new LoginUseCases.PlatformPorts(
                        (platform, code) -> {
                            throw new IllegalStateException("no code exchange here");
                        }, (platform, openId, data, iv) -> {
                            throw new IllegalStateException("no decryption here");
                        }, (platform, openId, proof) -> {
                            throw new IllegalStateException("no phone numbers here");
                        }),
                new LoginUseCases.StatePorts(new InMemorySessionKeys(), new InMemoryLoginCodeProofs(),
                        new InMemoryAttemptCounter(Clock.systemUTC()), new InMemoryVerifiedMobiles()),
                LoginSettings.DEFAULT, Map.of(), SuspectLane.Limit.TOKEN_LOOKUPS, Duration.ZERO, Clock.systemUTC());
    }
}
