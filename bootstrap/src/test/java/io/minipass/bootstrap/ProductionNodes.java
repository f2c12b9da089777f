package io.minipass.bootstrap;

import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.domain.user.Platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.WEIXIN;

/**
 * What the system tests that run several whole nodes in the production profile share: a node's settings on the local
 * platform stubs, its start, and the calls a mini-program client makes.
 */
final class ProductionNodes {
    static final String BAIDU_IV = "r7BXXKkLb8qrSNn05n0qiA==";
    static final String BAIDU_SESSION_KEY = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";

    private ProductionNodes() {
    }

    /**
     * A production node on a free loopback port, on the database as root and the Redis under the key prefix. Every
     * client of a test is 127.0.0.1, so the code-exchange and registration budgets are raised (still counted).
     */
    static Map<String, String> environment(String databaseUrl, String redisUrl, String keyPrefix, String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_DB_URL", databaseUrl);
        env.put("MINIPASS_DB_USER", "root");
        env.put("MINIPASS_REDIS_URL", redisUrl);
        env.put("MINIPASS_REDIS_KEY_PREFIX", keyPrefix);
        env.put("MINIPASS_REDIS_SESSION_KEY_SECRET", secret);
        env.put("MINIPASS_REDIS_TIMEOUT", "1s");
        env.put("MINIPASS_BUDGET_CODE_EXCHANGE", "100000/1000/1m");
        env.put("MINIPASS_BUDGET_REGISTRATION", "100000/0/1m");
        return env;
    }

    /** WeChat's credentials and the stub's address. */
    static void weixin(Map<String, String> env, EveryPlatformStub stub, App app) {
        env.put("MINIPASS_WEIXIN_APPID", app.appId());
        env.put("MINIPASS_WEIXIN_SECRET", app.secret());
        env.put("MINIPASS_WEIXIN_BASE_URL", stub.baseUrl(WEIXIN));
    }

    /** Baidu's app id, App Key ({@code app.appId()}) and secret, and the stub's address. */
    static void baidu(Map<String, String> env, EveryPlatformStub stub, String appId, App app) {
        env.put("MINIPASS_BAIDU_APPID", appId);
        env.put("MINIPASS_BAIDU_APPKEY", app.appId());
        env.put("MINIPASS_BAIDU_SECRET", app.secret());
        env.put("MINIPASS_BAIDU_BASE_URL", stub.baseUrl(BAIDU));
    }

    static MinipassServer start(Map<String, String> env) {
        return MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
    }

    /** Closes each, in order, every one even when one before it fails. */
    static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable closeable : started) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the rest must still go
            }
        }
    }

    static String query(Platform platform) {
        return "application=app&application_client_type=" + platform.clientType() + "&referrer=0";
    }

    /** {@code appminiuserauth}: the platform's code exchanged. */
    static Answer auth(ServiceClient node, Platform platform, String code) {
        return node.postJson("user/appminiuserauth", query(platform), Map.of("authcode", code));
    }

    /** {@code appminiuserinfo}: the login with the profile. */
    static Answer info(ServiceClient node, Platform platform, Map<String, ?> body) {
        return node.postJson("user/appminiuserinfo", query(platform), body);
    }

    static Answer tokenUserInfo(ServiceClient node, String token) {
        return node.get("/api.php?s=user/tokenuserinfo&token=" + token);
    }

    /** A Baidu profile sealed with {@link #BAIDU_SESSION_KEY}, as {@code appminiuserinfo} takes it. */
    static Map<String, Object> sealedBaiduProfile(App baiduApp, String openId, String nickname) {
        String sealed = BaiduSeal.seal(BAIDU_SESSION_KEY, BAIDU_IV, baiduApp.appId(),
                "{\"openid\":\"" + openId + "\",\"nickname\":\"" + nickname + "\",\"headimgurl\":\"https://b.example/n.jpg\",\"sex\":1}");
        return Map.of("openid", openId, "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", BAIDU_IV)));
    }
}
