package io.minipass.adapters.platforms.alipay;

import io.minipass.adapters.platforms.TestPlatforms;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.common.TestHttp;
import io.minipass.adapters.platforms.stub.Rsa2;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Received;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Responder;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alipay's gateway played by a stub holding its own key pair: it checks each request's signature with the
 * app's public key (answering {@code isv.invalid-signature} otherwise) and signs its answers with "Alipay's"
 * private key over the node text as written.
 */
class AlipayLoginAdapterTest {
    private static final KeyPair APP_KEYS = rsaKeyPair();
    private static final KeyPair ALIPAY_KEYS = rsaKeyPair();
    private static final KeyPair STRANGER_KEYS = rsaKeyPair();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T04:00:00Z"), ZoneOffset.UTC);
    private static final PlatformCredentials CREDENTIALS = keys("2021000000000001",
            pem("PRIVATE KEY", APP_KEYS.getPrivate().getEncoded()), base64(ALIPAY_KEYS.getPublic().getEncoded()));

    private static final String SUCCESS_NODE = "{\"user_id\":\"2088000000000001\",\"open_id\":\"074aDemoOpenIdAlipay000000000000000000\","
            + "\"access_token\":\"authusrBdemo0001\",\"expires_in\":\"1296000\",\"refresh_token\":\"authusrBdemo0002\","
            + "\"re_expires_in\":2592000,\"auth_start\":\"2024-01-01 12:00:00\"}";
    private static final String CODE_INVALID_NODE = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\","
            + "\"sub_code\":\"isv.code-invalid\",\"sub_msg\":\"授权码code无效\"}";
    private static final String BUSY_NODE = "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\","
            + "\"sub_code\":\"isp.unknow-error\",\"sub_msg\":\"系统繁忙\"}";

    private final StubPlatformServer alipay = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.ALIPAY, CREDENTIALS, alipay.baseUrl(), TestHttp.http(), CLOCK);

    @AfterEach
    void stopStub() {
        alipay.close();
    }

    @Test
    void sendsASignedTokenRequestAndReadsOpenIdFromTheSignedAnswer() {
        alipay.answerWith(gateway(success(SUCCESS_NODE)));

        LoginSession session = adapter.exchange("authCodeDemo1");

        assertThat(session.identity().platform()).isEqualTo(Platform.ALIPAY);
        assertThat(session.identity().openId().value()).isEqualTo("074aDemoOpenIdAlipay000000000000000000");
        assertThat(session.identity().unionId()).isEmpty();
        assertThat(session.sessionKey()).isEmpty();
        Received request = alipay.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/gateway.do");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form())
                .containsEntry("app_id", "2021000000000001")
                .containsEntry("method", "alipay.system.oauth.token")
                .containsEntry("format", "JSON")
                .containsEntry("charset", "utf-8")
                .containsEntry("sign_type", "RSA2")
                .containsEntry("timestamp", "2024-01-01 12:00:00")
                .containsEntry("version", "1.0")
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "authCodeDemo1")
                .containsKey("sign")
                .hasSize(10);
        assertThat(signedByApp(request)).isTrue();
    }

    @Test
    void fallsBackToUserIdForAppsNotInOpenIdMode() {
        alipay.answerWith(gateway(success("{\"user_id\":\"2088000000000001\",\"access_token\":\"a\",\"expires_in\":1296000}")));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("2088000000000001");
        assertThat(session.formerOpenId()).isEmpty();
    }

    @Test
    void keepsUserIdAsTheFormerIdWhenBothCome() {
        alipay.answerWith(gateway(success(SUCCESS_NODE)));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("074aDemoOpenIdAlipay000000000000000000");
        assertThat(session.formerOpenId()).map(OpenId::value).contains("2088000000000001");
    }

    @Test
    void anOpenIdAloneHasNoFormerId() {
        alipay.answerWith(gateway(success("{\"open_id\":\"074aDemoOnly\",\"access_token\":\"a\"}")));

        assertThat(adapter.exchange("code").formerOpenId()).isEmpty();
    }

    @Test
    void aCodeRefusalIsReportedWithItsSubCodeAndNotRetried() {
        alipay.answerWith(gateway(signed("error_response", CODE_INVALID_NODE, ALIPAY_KEYS.getPrivate())));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("支付宝登录失败[40002 isv.code-invalid: 授权码code无效]");
        assertThat(alipay.received()).hasSize(1);
    }

    @Test
    void aMethodNodeWithAnErrorCodeIsARefusal() {
        alipay.answerWith(gateway(success("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"isv.unmatched-app-id\","
                + "\"sub_msg\":\"appid不匹配\"}")));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("支付宝登录失败[40004 isv.unmatched-app-id: appid不匹配]");
    }

    @Test
    void anUnsignedErrorIsStillARefusal() {
        alipay.answer(Answer.json("{\"error_response\":" + CODE_INVALID_NODE + "}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("支付宝登录失败[40002 isv.code-invalid: 授权码code无效]");
    }

    @Test
    void theStubRefusesARequestSignedWithAnotherKey() {
        PlatformParts.Login wrongKey = TestPlatforms.login(Platform.ALIPAY, keys("2021000000000001",
                base64(STRANGER_KEYS.getPrivate().getEncoded()), CREDENTIALS.publicKey()),
                alipay.baseUrl(), TestHttp.http(), CLOCK);
        alipay.answerWith(gateway(success(SUCCESS_NODE)));

        assertThatThrownBy(() -> wrongKey.exchange("code"))
                .hasMessage("支付宝登录失败[40002 isv.invalid-signature: 验签出错]");
    }

    @Test
    void aTamperedAnswerIsRefused() {
        String signed = success(SUCCESS_NODE);
        alipay.answer(Answer.json(signed.replace("074aDemoOpenIdAlipay0000", "074aEvilOpenIdAlipay0000")));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("支付宝接口返回签名验证失败");
    }

    @Test
    void anAnswerSignedWithAnotherKeyIsRefused() {
        alipay.answer(Answer.json(signed("alipay_system_oauth_token_response", SUCCESS_NODE, STRANGER_KEYS.getPrivate())));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝接口返回签名验证失败");
    }

    @Test
    void anUnsignedSuccessIsRefused() {
        alipay.answer(Answer.json("{\"alipay_system_oauth_token_response\":" + SUCCESS_NODE + "}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝接口返回签名验证失败");
    }

    @Test
    void aSignatureThatIsNotBase64IsRefused() {
        alipay.answer(Answer.json("{\"alipay_system_oauth_token_response\":" + SUCCESS_NODE + ",\"sign\":\"%%%\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝接口返回签名验证失败");
    }

    @Test
    void theNodeIsVerifiedAsWrittenWhateverItsLayout() {
        String node = "{ \"open_id\" : \"074a\\/Demo\",\n  \"note\":\"a } and a \\\" and {\", \"nested\":{\"x\":[1,{\"y\":\"}\"}]} }";
        String body = "{\n  \"sign\" : \"" + sign(node, ALIPAY_KEYS.getPrivate()) + "\",\n"
                + "  \"alipay_system_oauth_token_response\" :  " + node + "\n}\n";
        alipay.answer(Answer.json(body).withContentType("text/html;charset=utf-8"));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("074a/Demo");
    }

    @Test
    void aNodeWrittenWithEscapedSlashesMayBeSignedWithPlainOnes() {
        String written = "{\"open_id\":\"074a\\/Demo\",\"user_id\":\"2088000000000001\"}";
        String body = "{\"alipay_system_oauth_token_response\":" + written + ",\"sign\":\""
                + sign(written.replace("\\/", "/"), ALIPAY_KEYS.getPrivate()) + "\"}";
        alipay.answer(Answer.json(body));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("074a/Demo");
    }

    @Test
    void nonAsciiTextIsSignedAsUtf8() {
        alipay.answerWith(gateway(success("{\"open_id\":\"074aDemo\",\"nick\":\"支付宝用户\"}")));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("074aDemo");
    }

    @Test
    void busyIsTriedOnceMoreWithAFreshlySignedRequest() {
        alipay.answerWith(gateway(signed("error_response", BUSY_NODE, ALIPAY_KEYS.getPrivate())))
                .answerWith(gateway(success(SUCCESS_NODE)));

        assertThat(adapter.exchange("code").identity().openId().value())
                .isEqualTo("074aDemoOpenIdAlipay000000000000000000");
        assertThat(alipay.received()).hasSize(2).allSatisfy(request -> assertThat(signedByApp(request)).isTrue());
    }

    @Test
    void busyTwiceFails() {
        alipay.answerWith(gateway(signed("error_response", BUSY_NODE, ALIPAY_KEYS.getPrivate())))
                .answerWith(gateway(signed("error_response", BUSY_NODE, ALIPAY_KEYS.getPrivate())));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("支付宝登录失败[20000 isp.unknow-error: 系统繁忙]");
        assertThat(alipay.received()).hasSize(2);
    }

    @Test
    void aSuccessWithoutAnyIdFails() {
        alipay.answerWith(gateway(success("{\"access_token\":\"a\"}")));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝登录失败[未返回openid]");
    }

    @Test
    void anAnswerWithoutAKnownNodeIsUnreadable() {
        alipay.answer(Answer.json("{\"something_else\":{},\"sign\":\"x\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝接口返回格式有误");
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        alipay.answer(new Answer(200, "text/html", "<html>gateway</html>", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("支付宝接口返回格式有误");
    }

    @Test
    void aSlowAnswerTimesOut() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.ALIPAY, CREDENTIALS, alipay.baseUrl(), TestHttp.impatientHttp(), CLOCK);
        alipay.answer(Answer.json(success(SUCCESS_NODE)).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code")).hasMessage("支付宝接口请求超时");
        assertThat(alipay.received()).hasSize(1);
    }

    @Test
    void withoutKeysNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.ALIPAY, keys("2021000000000001", "", null),
                alipay.baseUrl(), TestHttp.http(), CLOCK);

        assertThatThrownBy(() -> unconfigured.exchange("code"))
                .hasMessage("支付宝小程序未配置[app_private_key/alipay_public_key]");
        assertThat(alipay.received()).isEmpty();
    }

    @Test
    void aKeyThatCannotBeReadIsRefusedAtOnceWithoutShowingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestPlatforms.login(Platform.ALIPAY, keys("2021", "bm90LWEta2V5", CREDENTIALS.publicKey()),
                        alipay.baseUrl(), TestHttp.http()))
                .withMessageNotContaining("bm90LWEta2V5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestPlatforms.login(Platform.ALIPAY, keys("2021", CREDENTIALS.privateKey(), "@@@"),
                        alipay.baseUrl(), TestHttp.http()));
    }

    @Test
    void credentialsNeverShowThePrivateKey() {
        assertThat(CREDENTIALS.toString()).contains("2021000000000001").doesNotContain(CREDENTIALS.privateKey());
    }

    /** The gateway: a request not signed with the app's key gets Alipay's invalid-signature error. */
    private static Responder gateway(String body) {
        return request -> signedByApp(request)
                ? Answer.json(body)
                : Answer.json(signed("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\","
                        + "\"sub_code\":\"isv.invalid-signature\",\"sub_msg\":\"验签出错\"}", ALIPAY_KEYS.getPrivate()));
    }

    private static String success(String node) {
        return signed("alipay_system_oauth_token_response", node, ALIPAY_KEYS.getPrivate());
    }

    private static String signed(String nodeName, String node, PrivateKey key) {
        return "{\"" + nodeName + "\":" + node + ",\"sign\":\"" + sign(node, key) + "\"}";
    }

    /** Written apart from the adapter's signer, from PLATFORMS.md: sorted, non-empty, sign excluded, raw values. */
    private static boolean signedByApp(Received request) {
        Map<String, String> form = new TreeMap<>(request.form());
        String sign = form.remove("sign");
        StringJoiner content = new StringJoiner("&");
        form.forEach((name, value) -> {
            if (!value.isEmpty()) {
                content.add(name + "=" + value);
            }
        });
        return sign != null && verify(content.toString(), sign, APP_KEYS.getPublic());
    }

    private static String sign(String content, PrivateKey key) {
        return Rsa2.sign(content, key);
    }

    private static boolean verify(String content, String sign, PublicKey key) {
        return Rsa2.verify(content, sign, key);
    }

    static KeyPair rsaKeyPair() {
        return Rsa2.keyPair();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** An app id, the app's private key and Alipay's public key. */
    private static PlatformCredentials keys(String appId, String appPrivateKey, String alipayPublicKey) {
        return new PlatformCredentials(appId, "", "", appPrivateKey, alipayPublicKey);
    }
}
