package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code user/tokenuserinfo} over HTTP, wired to the real session service over the in-memory user store. */
class TokenUserInfoEndpointTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String ROUTE = "/api.php?s=user/tokenuserinfo&application=app&application_client_type=weixin";
    static final String AUTH = "/api.php?s=user/appminiuserauth&application=app&application_client_type=weixin";
    static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";

    private final UserApi api = new UserApi();
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void answersTheUserOfATokenInTheQueryStringAsTheLoginDid() {
        client = api.start();
        Map<String, Object> login = logIn("c1", OPENID);

        Answer answer = client.get(ROUTE + "&token=" + login.get("token"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(List.copyOf(answer.json().keySet())).containsExactly("msg", "code", "data");
        assertThat(answer.msg()).isEqualTo("success");
        assertThat(answer.code()).isZero();
        Map<String, Object> expected = new LinkedHashMap<>(login);
        expected.remove("is_user_exist");
        assertThat(answer.data()).containsExactlyEntriesOf(expected);
        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(UserViewMapperTest.SEED_FIELDS);
    }

    @Test
    void answersThatCarryATokenOrAMobileAreNeverStored() {
        client = api.start();
        api.loginCodes.answer("c1", Platform.WEIXIN, OPENID, null, "session-key");
        Answer login = client.postJson(AUTH, "{\"authcode\":\"c1\"}");

        Answer user = client.get(ROUTE + "&token=" + login.data().get("token"));

        for (Answer answer : List.of(login, user)) {
            assertThat(answer.data()).containsKeys("token", "mobile");
            assertThat(answer.headers().get("cache-control")).containsExactly("no-store");
        }
    }

    @Test
    void readsTheTokenFromTheBody() {
        client = api.start();
        String token = (String) logIn("c1", OPENID).get("token");

        Answer json = client.postJson(ROUTE, "{\"token\":\"" + token + "\"}");
        Answer form = client.postForm(ROUTE, ApiClient.fields("token", token));

        assertThat(json.code()).as(json.body()).isZero();
        assertThat(json.data()).contains(entry("weixin_openid", OPENID), entry("token", token));
        assertThat(form.data()).contains(entry("weixin_openid", OPENID), entry("token", token));
    }

    @Test
    void aTokenInTheBodyOverridesOneInTheQueryString() {
        client = api.start();
        String token = (String) logIn("c1", OPENID).get("token");

        Answer current = client.postJson(ROUTE + "&token=stale", "{\"token\":\"" + token + "\"}");
        Answer stale = client.postJson(ROUTE + "&token=" + token, "{\"token\":\"stale\"}");

        assertThat(current.data()).containsEntry("token", token);
        assertThat(stale.json()).containsExactly(entry("msg", "登录失效，请重新登录"), entry("code", -400), entry("data", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"token\":\"\"}", "{\"token\":null}", "{\"token\":\"0\"}"})
    void asksForATokenWhenNoneWasSent(String body) {
        client = api.start();

        Answer answer = client.postJson(ROUTE, body);

        assertThat(answer.json()).containsExactly(entry("msg", "token不能为空"), entry("code", -1), entry("data", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token\":\"0123456789abcdef0123456789abcdef\"}",
            "{\"token\":[\"token-42\"]}", "{\"token\":{\"a\":\"token-42\"}}", "{\"token\":42}", "{\"token\":\"token-42 \"}",
            "{\"token\":\"TOKEN-42\"}", "{\"token\":\"token-4\"}", "{\"token\":\"token-42\\u0000\"}"})
    void refusesATokenThatIsNobodys(String body) {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));

        Answer answer = client.postJson(ROUTE, body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "登录失效，请重新登录"), entry("code", -400), entry("data", List.of()));
    }

    @Test
    void acceptsATokenShopXoIssued() {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));

        Answer answer = client.get(ROUTE + "&token=token-42");

        assertThat(answer.data()).contains(entry("id", "42"), entry("token", "token-42"));
    }

    @Test
    void refusesATokenALaterLoginReplaced() {
        client = api.start();
        String first = (String) logIn("c1", OPENID).get("token");
        String second = (String) logIn("c1", OPENID).get("token");

        Answer replaced = client.get(ROUTE + "&token=" + first);
        Answer current = client.get(ROUTE + "&token=" + second);

        assertThat(replaced.json()).containsExactly(entry("msg", "登录失效，请重新登录"), entry("code", -400), entry("data", List.of()));
        assertThat(current.data()).containsEntry("token", second);
    }

    @Test
    void refusesATokenOnceItsLifetimeIsOver() {
        client = api.tokenLifetime(Duration.ofMinutes(10)).start();
        String token = (String) logIn("c1", OPENID).get("token");

        api.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        Answer lastSecond = client.get(ROUTE + "&token=" + token);
        api.clock.advance(Duration.ofSeconds(1));
        Answer expired = client.get(ROUTE + "&token=" + token);

        assertThat(lastSecond.data()).containsEntry("token", token);
        assertThat(expired.json()).containsExactly(entry("msg", "登录失效，请重新登录"), entry("code", -400), entry("data", List.of()));
    }

    @Test
    void keepsATokenWithoutLifetimeUntilItIsReplaced() {
        client = api.tokenLifetime(Duration.ZERO).start();
        String token = (String) logIn("c1", OPENID).get("token");

        api.clock.advance(Duration.ofDays(3650));

        assertThat(client.get(ROUTE + "&token=" + token).data()).containsEntry("token", token);
    }

    @Test
    void refusesATokenOfADeletedUser() {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));
        api.store.softDelete(new UserId(42), UserApi.NOW.getEpochSecond());

        Answer answer = client.get(ROUTE + "&token=token-42");

        assertThat(answer.json()).containsExactly(entry("msg", "登录失效，请重新登录"), entry("code", -400), entry("data", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"2, 用户被禁止登录", "3, 用户等待审核中", "7, 用户状态有误"})
    void refusesTheTokenOfAUserWhoseStatusForbidsLogin(int status, String msg) {
        client = api.start();
        String token = (String) logIn("c1", OPENID).get("token");
        api.store.setStatus(api.stored(Platform.WEIXIN, OPENID).id(), new UserStatus(status));

        Answer answer = client.get(ROUTE + "&token=" + token);

        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
    }

    @Test
    void answersOnTheShopXoPathForms() {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));

        for (String route : List.of("/api.php/user/tokenuserinfo?token=token-42", "/api/User/TokenUserInfo.html?token=token-42")) {
            assertThat(client.get(route).data()).as(route).containsEntry("id", "42");
        }
    }

    /** Logs the WeChat user of this openid in through appminiuserauth (registering them the first time). */
    private Map<String, Object> logIn(String code, String openId) {
        api.loginCodes.answer(code, Platform.WEIXIN, openId, null, "session-key");
        Answer answer = client.postJson(AUTH, "{\"authcode\":\"" + code + "\"}");
        assertThat(answer.code()).as(answer.body()).isZero();
        return answer.data();
    }
}
