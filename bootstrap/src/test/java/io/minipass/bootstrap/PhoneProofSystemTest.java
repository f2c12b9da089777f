package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.adapters.platforms.stub.PlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone proofs in the production profile, the login proof on, on both ShopXO layouts: one login proof buys only a
 * few failing WeChat {@code getuserphonenumber} calls, an oversized phone code never reaches WeChat, and a user whom
 * {@code appminiuserauth} logged in binds a mobile later with the token the client holds. WeChat is
 * {@link PlatformStub}, which counts the phone calls it answers.
 */
class PhoneProofSystemTest {
    private static final String APP_ID = "wx6f00f0000000000025";
    private static final String SESSION_KEY = "3q2+7wEjRWeJq83vASNFZw==";
    /** {@code MINIPASS_BUDGET_FAILED_PHONE_VERIFICATION}'s default per openid. */
    private static final int FAILURES_PER_PROOF = 3;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnShopxoV2Tables extends Layout {
        @Override
        Map<String, String> database() {
            Map<String, String> env = new HashMap<>();
            env.put("MINIPASS_PORT", "0");
            env.put("MINIPASS_HOST", "127.0.0.1");
            env.put("MINIPASS_DB_URL", "jdbc:h2:mem:phone_" + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            env.put("MINIPASS_SHOPXO_LAYOUT", "v2");
            return env;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnShopxoV6Tables extends Layout {
        private ShopxoV6Database shop;

        @Override
        Map<String, String> database() throws Exception {
            shop = ShopxoV6Database.newMariaDbShop("minipass_v6_phone");
            return shop.serviceSettings();
        }

        @Override
        void closeDatabase() throws Exception {
            ShopxoV6Database.closeAll(shop);
        }

        @Test
        void a_signed_in_user_binds_through_shopxo_v6_4s_two_steps_with_their_token() {
            String openId = unique("oTwoStep");
            register(openId);
            String token = logInKnown(openId);
            stub.willProvePhone(APP_ID, "phone-two-" + openId, "13700137003");

            Answer verified = client.post("onekeyusermobiledecrypt", WEIXIN, "default", "zh", token,
                    Map.of("openid", openId, "code", "phone-two-" + openId));
            Answer registered = client.post("userbasereg", WEIXIN, "default", "zh", token, Map.of("openid", openId,
                    "avatar", "https://shop.example/a.png", "nickname", "老用户", "mobile", "13700137003"));

            assertThat(verified.code()).as(verified.body()).isZero();
            assertThat(verified.data().asText()).isEqualTo("13700137003");
            assertThat(registered.code()).as(registered.body()).isZero();
            assertThat(registered.data().get("mobile").asText()).isEqualTo("13700137003");
        }
    }

    abstract static class Layout {
        PlatformStub stub;
        private MinipassServer server;
        UniAppClient client;

        abstract Map<String, String> database() throws Exception;

        void closeDatabase() throws Exception {
        }

        @BeforeAll
        void start() throws Exception {
            stub = new PlatformStub();
            Map<String, String> env = database();
            env.put("MINIPASS_PROFILE", "production");
            env.put("MINIPASS_WEIXIN_APPID", APP_ID);
            env.put("MINIPASS_WEIXIN_SECRET", "wx-secret-phone");
            env.put("MINIPASS_WEIXIN_BASE_URL", stub.baseUrl());
            env.put("MINIPASS_WEIXIN_AUTO_REGISTER", "false");
            server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
            client = new UniAppClient(server.port());
        }

        @AfterAll
        void stop() throws Exception {
            ShopxoV6Database.closeAll(server, stub);
            closeDatabase();
        }

        @Test
        void one_login_proof_buys_only_a_few_failing_phone_calls_and_is_spent_after() {
            String openId = unique("oFlood");
            proven(openId);
            int before = stub.phoneCalls();

            long started = System.nanoTime();
            Answer last = null;
            for (int i = 0; i < 60; i++) {
                last = bind("", Map.of("openid", openId, "code", "guessed-phone-code-" + i));
                assertThat(last.code()).as(last.body()).isEqualTo(-1);
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            int bought = stub.phoneCalls() - before;
            System.out.printf("[measure] %s: 60 onekeyusermobilebind with one proof -> %d getuserphonenumber calls in %d ms%n",
                    getClass().getSimpleName(), bought, elapsedMillis);

            assertThat(bought).as("getuserphonenumber calls one proof bought").isEqualTo(FAILURES_PER_PROOF);
            assertThat(last.msg()).isEqualTo("授权已失效，请重新授权");
        }

        @Test
        void a_concurrent_flood_with_one_proof_buys_no_more_failing_phone_calls() throws Exception {
            String openId = unique("oBurst");
            proven(openId);
            int before = stub.phoneCalls();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                long started = System.nanoTime();
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String code = "burst-phone-code-" + i;
                    answers.add(pool.submit(() -> bind("", Map.of("openid", openId, "code", code))));
                }
                Map<String, Integer> summary = new TreeMap<>();
                for (Future<Answer> answer : answers) {
                    Answer done = answer.get(60, TimeUnit.SECONDS);
                    summary.merge(done.code() + " " + done.msg(), 1, Integer::sum);
                }
                long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                int bought = stub.phoneCalls() - before;
                System.out.printf("[measure] %s: 200 concurrent onekeyusermobilebind with one proof -> %d getuserphonenumber"
                        + " calls in %d ms; answers %s%n", getClass().getSimpleName(), bought, elapsedMillis, summary);

                assertThat(bought).as("getuserphonenumber calls one proof bought, %s", summary)
                        .isLessThanOrEqualTo(FAILURES_PER_PROOF);
                assertThat(summary.keySet()).allMatch(answer -> answer.startsWith("-"));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void an_oversized_phone_code_is_refused_and_never_forwarded() {
            String openId = unique("oHuge");
            proven(openId);
            int before = stub.phoneCalls();

            Answer huge = bind("", Map.of("openid", openId, "code", "c".repeat(200 * 1024)));
            Answer hugeData = bind("", Map.of("openid", openId, "encrypted_data", "A".repeat(200 * 1024),
                    "iv", "MDEyMzQ1Njc4OWFiY2RlZg=="));

            for (Answer refused : new Answer[] {huge, hugeData}) {
                assertThat(refused.status()).isEqualTo(200);
                assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
                assertThat(refused.msg()).isEqualTo("手机号码授权数据过长");
                assertThat(refused.data().isArray()).isTrue();
            }
            assertThat(stub.phoneCalls()).isEqualTo(before);
            assertThat(stub.longestPhoneCode()).isLessThan(1000);
        }

        @Test
        void a_user_logged_in_by_appminiuserauth_binds_a_mobile_with_their_token() {
            String openId = unique("oKnown");
            register(openId);
            String token = logInKnown(openId);
            stub.willProvePhone(APP_ID, "phone-ok-" + openId, "13700137001");

            Answer bound = bind(token, Map.of("openid", openId, "code", "phone-ok-" + openId));

            assertThat(bound.code()).as(bound.body()).isZero();
            assertThat(bound.msg()).isEqualTo("绑定成功");
            assertThat(bound.data().get("mobile").asText()).isEqualTo("13700137001");
            Answer session = client.tokenUserInfo(WEIXIN, bound.data().get("token").asText());
            assertThat(session.data().get("mobile").asText()).isEqualTo("13700137001");
        }

        @Test
        void without_a_token_or_with_another_users_token_a_known_user_binds_nothing() {
            String victim = unique("oVictim");
            register(victim);
            String victimsToken = logInKnown(victim);
            String attacker = unique("oAttacker");
            register(attacker);
            String attackersToken = logInKnown(attacker);
            stub.willProvePhone(APP_ID, "phone-steal-" + victim, "13700137002");
            int before = stub.phoneCalls();

            for (String token : new String[] {"", attackersToken, "0123456789abcdef0123456789abcdef"}) {
                Answer refused = bind(token, Map.of("openid", victim, "code", "phone-steal-" + victim));
                assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
                assertThat(refused.msg()).isEqualTo("授权已失效，请重新授权");
            }

            assertThat(stub.phoneCalls()).isEqualTo(before);
            Answer session = client.tokenUserInfo(WEIXIN, victimsToken);
            assertThat(session.code()).as(session.body()).isZero();
            assertThat(session.data().get("mobile").asText()).isEmpty();
        }

        /** A code exchange for an openid nobody holds: the service keeps a login proof for it. */
        void proven(String openId) {
            String code = "auth-" + openId;
            stub.willAnswer(code, new Session(openId, "", SESSION_KEY));
            Answer auth = client.auth(WEIXIN, code);
            assertThat(auth.code()).as(auth.body()).isZero();
            assertThat(auth.data().get("is_user_exist").asInt()).isZero();
        }

        /** The client's two steps register the openid's user, spending the proof. */
        void register(String openId) {
            proven(openId);
            Answer registered = client.info(WEIXIN, Map.of("openid", openId,
                    "auth_data", ServiceClient.json(Map.of("nickName", "老用户"))));
            assertThat(registered.code()).as(registered.body()).isZero();
        }

        /** {@code appminiuserauth} logs the known user in, leaving no proof: the token the client holds. */
        String logInKnown(String openId) {
            String code = "again-" + openId;
            stub.willAnswer(code, new Session(openId, "", SESSION_KEY));
            Answer auth = client.auth(WEIXIN, code);
            assertThat(auth.code()).as(auth.body()).isZero();
            assertThat(auth.data().get("is_user_exist").asInt()).isEqualTo(1);
            return auth.data().get("token").asText();
        }

        /** As the client binds: the token in the query (empty when signed out), the proof in a JSON body. */
        Answer bind(String token, Map<String, ?> body) {
            return client.post("onekeyusermobilebind", WEIXIN, "default", "zh", token, body);
        }

        static String unique(String prefix) {
            return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }
    }
}
