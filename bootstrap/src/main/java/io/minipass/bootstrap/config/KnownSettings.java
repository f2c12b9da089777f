package io.minipass.bootstrap.config;

import io.minipass.application.budget.Attempt;
import io.minipass.domain.user.Platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every setting the service reads, one line each, by its properties name ({@code db.url}: {@code minipass.db.url},
 * {@code MINIPASS_DB_URL}). {@link SettingParser} reads no other name, so a new setting cannot be left out of this
 * list, and {@link UnknownSettings} reports any {@code MINIPASS_*} variable or properties key that is not in it.
 * A {@linkplain Kind#SECRET secret} may also be read from a file ({@link ConfigSource}, docs/security.md).
 */
final class KnownSettings {
    enum Kind { PLAIN, SECRET }

    /** Read by {@link ConfigSource} itself: the properties file's path. */
    static final String CONFIG_FILE_VARIABLE = "MINIPASS_CONFIG";

    private static final Map<String, Kind> SETTINGS = Collections.unmodifiableMap(settings());

    private KnownSettings() {
    }

    private static Map<String, Kind> settings() {
        Map<String, Kind> s = new LinkedHashMap<>();
        // the service
        s.put("profile", Kind.PLAIN);
        s.put("host", Kind.PLAIN);
        s.put("port", Kind.PLAIN);
        s.put("trust.proxy.headers", Kind.PLAIN);
        s.put("trusted.proxies", Kind.PLAIN);
        s.put("body.timeout", Kind.PLAIN);
        s.put("shutdown.grace", Kind.PLAIN);
        // the database
        s.put("db.url", Kind.PLAIN);
        s.put("allow.embedded.database", Kind.PLAIN);
        s.put("db.user", Kind.PLAIN);
        s.put("db.password", Kind.SECRET);
        s.put("db.pool.size", Kind.PLAIN);
        s.put("db.connect.timeout", Kind.PLAIN);
        s.put("db.query.timeout", Kind.PLAIN);
        s.put("db.pool.wait", Kind.PLAIN);
        s.put("table.prefix", Kind.PLAIN);
        s.put("shopxo.layout", Kind.PLAIN);
        // the shop
        s.put("timezone", Kind.PLAIN);
        s.put("default.avatar", Kind.PLAIN);
        s.put("register.audit", Kind.PLAIN);
        s.put("mandatory.bind.mobile", Kind.PLAIN);
        s.put("token.ttl", Kind.PLAIN);
        s.put("token.cache.ttl", Kind.PLAIN);
        // the platforms: MINIPASS_<P>_APPID and so on, <P> each platform's client type
        perPlatform(s, "appid", Kind.PLAIN);
        perPlatform(s, "secret", Kind.SECRET);
        perPlatform(s, "appkey", Kind.SECRET);
        perPlatform(s, "private.key", Kind.SECRET);
        perPlatform(s, "public.key", Kind.SECRET);
        perPlatform(s, "base.url", Kind.PLAIN);
        s.put("platform.timeout", Kind.PLAIN);
        s.put("platform.max.concurrent", Kind.PLAIN);
        s.put("weixin.auto.register", Kind.PLAIN);
        // security: MINIPASS_BUDGET_<ATTEMPT> for each attempt
        s.put("require.login.proof", Kind.PLAIN);
        s.put("login.proof.ttl", Kind.PLAIN);
        s.put("session.key.max.failures", Kind.PLAIN);
        for (Attempt attempt : Attempt.values()) {
            s.put(budgetName(attempt), Kind.PLAIN);
        }
        s.put("suspect.token.lookups", Kind.PLAIN);
        // several nodes
        s.put("redis.url", Kind.SECRET);
        s.put("redis.key.prefix", Kind.PLAIN);
        s.put("redis.session.key.secret", Kind.SECRET);
        s.put("redis.timeout", Kind.PLAIN);
        // observability
        s.put("management.port", Kind.PLAIN);
        s.put("management.host", Kind.PLAIN);
        s.put("metrics.on.api.port", Kind.PLAIN);
        s.put("login.events", Kind.PLAIN);
        s.put("log.format", Kind.PLAIN);
        s.put("log.level", Kind.PLAIN);
        return s;
    }

    private static void perPlatform(Map<String, Kind> settings, String suffix, Kind kind) {
        for (Platform platform : Platform.values()) {
            settings.put(platform.clientType() + "." + suffix, kind);
        }
    }

    /** {@code budget.code.exchange} for {@link Attempt#CODE_EXCHANGE}. */
    static String budgetName(Attempt attempt) {
        return "budget." + attempt.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The properties names, in the order above. */
    static Set<String> names() {
        return SETTINGS.keySet();
    }

    static boolean isKnown(String name) {
        return SETTINGS.containsKey(name);
    }

    /** Whether the setting may be read from a file ({@code MINIPASS_<NAME>_FILE}, or a systemd credential). */
    static boolean isSecret(String name) {
        return SETTINGS.get(name) == Kind.SECRET;
    }
}
