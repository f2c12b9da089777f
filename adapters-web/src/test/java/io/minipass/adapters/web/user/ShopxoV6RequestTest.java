package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.Multipart;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.V6_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Where ShopXO v3 and later read a request's client: {@code system_type} and {@code application_client_type} from
 * the query or a form body (PHP's {@code $_REQUEST}), never from a JSON body.
 */
class ShopxoV6RequestTest {
    static final String INFO = "/api.php?s=user/appminiuserinfo&application=app";
    static final String AUTH_DATA = "{\"nickName\":\"Tom\"}";

    private final UserApi api = new UserApi().dialect(ShopxoDialect.V6).login(V6_LOGIN);
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsTheSystemTypeFromTheQuery() {
        client = api.start();

        Answer answer = client.postJson(INFO + "&application_client_type=weixin&system_type=+shop-2+",
                "{\"openid\":\"o1\",\"auth_data\":" + quoted(AUTH_DATA) + "}");

        assertThat(answer.msg()).as(answer.body()).isEqualTo("授权成功");
        assertThat(answer.data()).contains(entry("system_type", "shop-2"), entry("platform", "weixin"));
    }

    @Test
    void readsTheSystemTypeOfAFormBodyOverTheQuerys() {
        client = api.start();

        Answer urlencoded = client.postForm(INFO + "&application_client_type=weixin&system_type=from-query",
                ApiClient.fields("system_type", "from-form", "openid", "o1", "auth_data", AUTH_DATA));
        Multipart form = new Multipart().field("system_type", "from-multipart").field("application_client_type", "alipay")
                .field("openid", "2088102").field("auth_data", AUTH_DATA);
        Answer multipart = client.send("POST", INFO + "&application_client_type=weixin&system_type=from-query",
                form.contentType(), form.body());

        assertThat(urlencoded.data()).contains(entry("system_type", "from-form"), entry("platform", "weixin"));
        assertThat(multipart.data()).contains(entry("system_type", "from-multipart"), entry("platform", "alipay"),
                entry("alipay_openid", "2088102"));
    }

    @Test
    void ignoresTheSystemTypeAndClientTypeOfAJsonBody() {
        client = api.start();

        Answer queryWins = client.postJson(INFO + "&application_client_type=weixin&system_type=from-query",
                "{\"system_type\":\"from-json\",\"application_client_type\":\"alipay\",\"openid\":\"o1\",\"auth_data\":"
                        + quoted(AUTH_DATA) + "}");
        Answer defaults = client.postJson(INFO + "&application_client_type=weixin",
                "{\"system_type\":\"from-json\",\"openid\":\"o2\",\"auth_data\":" + quoted(AUTH_DATA) + "}");
        Answer noClientType = client.postJson(INFO,
                "{\"application_client_type\":\"weixin\",\"openid\":\"o3\",\"auth_data\":" + quoted(AUTH_DATA) + "}");

        assertThat(queryWins.data()).contains(entry("system_type", "from-query"), entry("platform", "weixin"),
                entry("weixin_openid", "o1"));
        assertThat(defaults.data()).containsEntry("system_type", "default");
        assertThat(noClientType.json()).containsExactly(entry("msg", "方法未定义[PcUserInfo]"), entry("code", -1),
                entry("data", List.of()));
        assertThat(api.store.count()).isEqualTo(2);
    }

    @Test
    void readsAJsonBodyAfterAByteOrderMarkAndTakesAByteOrderMarkAloneForAnEmptyObject() {
        client = api.start();
        String weixin = INFO + "&application_client_type=weixin";
        byte[] json = ("\ufeff \r\n{\"openid\":\"o1\",\"auth_data\":" + quoted(AUTH_DATA) + "}").getBytes(StandardCharsets.UTF_8);

        Answer untyped = client.send("POST", weixin, null, json);
        Answer markOnly = client.send("POST", weixin, "application/json", "\ufeff".getBytes(StandardCharsets.UTF_8));
        Answer emptyObject = client.send("POST", weixin, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(untyped.msg()).as(untyped.body()).isEqualTo("授权成功");
        assertThat(untyped.data()).contains(entry("weixin_openid", "o1"));
        assertThat(markOnly.msg()).as(markOnly.body()).isEqualTo(emptyObject.msg()).isNotEqualTo("请求的JSON数据格式有误");
        assertThat(api.store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&system_type=", "&system_type=0", "&system_type=+0+", "&system_type[]=shop", ""})
    void readsNoSystemTypeAsTheDefault(String systemType) {
        client = api.start();

        Answer answer = client.postForm(INFO + "&application_client_type=weixin" + systemType,
                ApiClient.fields("openid", "o1", "auth_data", AUTH_DATA));

        assertThat(answer.data()).containsEntry("system_type", "default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "%E5%BE%AE%E4%BF%A1", "x%01y",
            "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"})
    void refusesASystemTypeThatIsNoneOnEveryLoginRouteAndStoresNothing(String systemType) {
        client = api.start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, "wx-openid", null, "session-key");
        api.phoneNumbers.answer("phone-code", "13800138000");
        String query = "&application_client_type=weixin&system_type=" + systemType;

        Answer info = client.postForm(INFO + query, ApiClient.fields("openid", "o1", "auth_data", AUTH_DATA));
        Answer auth = client.postJson("/api.php?s=user/appminiuserauth" + query, "{\"authcode\":\"wx-code\"}");
        Answer bind = client.postJson("/api.php?s=user/onekeyusermobilebind" + query,
                "{\"code\":\"phone-code\",\"openid\":\"o2\"}");
        Answer register = client.postJson("/api.php?s=user/userbasereg" + query,
                "{\"openid\":\"o3\",\"avatar\":\"a.png\",\"nickname\":\"Tom\",\"mobile\":\"13800138000\"}");

        for (Answer answer : List.of(info, auth, bind, register)) {
            assertThat(answer.json()).as(answer.body()).containsExactly(entry("msg", "system_type格式有误"), entry("code", -1),
                    entry("data", List.of()));
        }
        assertThat(api.store.count()).isZero();
        assertThat(api.loginCodes.exchanged()).isEmpty();
        assertThat(api.phoneNumbers.calls()).isEmpty();
    }

    @Test
    void shopXoV2ReadsTheClientTypeOfAJsonBodyAndNoSystemTypeOrLanguage() {
        UserApi v2 = new UserApi();
        try (v2) {
            ApiClient v2Client = v2.start();

            Answer answer = v2Client.postJson("/api.php?s=user/onekeyusermobilebind&system_type=a+b&lang=en",
                    "{\"application_client_type\":\"weixin\",\"system_type\":\"x y\",\"openid\":\"\"}");

            assertThat(answer.json()).containsExactly(entry("msg", "openid为空"), entry("code", -1), entry("data", List.of()));
        }
    }

    /** A JSON string literal holding the text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
