package io.minipass.bootstrap.config;

import io.minipass.adapters.persistence.DatabaseSettings;
import io.minipass.adapters.web.proxy.TrustedProxies;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting the service runs with, read once at start.
 *
 * @param trustedProxies the proxies whose {@code X-Forwarded-*} headers count ({@code MINIPASS_TRUSTED_PROXIES},
 *                      default loopback), {@link TrustedProxies#NONE} unless {@code MINIPASS_TRUST_PROXY_HEADERS=true}
 * @param bodyTimeout   how long a request's body may take to arrive in full ({@code MINIPASS_BODY_TIMEOUT}, default 10 s)
 * @param observability where metrics are served, how logs are written
 * @param shutdownGrace how long a stop waits for requests in flight ({@code MINIPASS_SHUTDOWN_GRACE}, default 10 s; 0: not at all)
 * @param redis         the Redis several nodes share state in ({@code MINIPASS_REDIS_URL}); empty: this node's memory
 */
public record MinipassConfig(
        String host,
        int port,
        boolean trustProxyHeaders,
        TrustedProxies trustedProxies,
        RunProfile profile,
        DatabaseConfig database,
        ShopConfig shop,
        PlatformsConfig platforms,
        SecurityConfig security,
        Duration bodyTimeout,
        ObservabilityConfig observability,
        Duration shutdownGrace,
        Optional<RedisConfig> redis) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public static final String DEFAULT_DB_URL =
            "jdbc:h2:file:./data/minipass;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    /** deploy/minipass.env's placeholder for the database password, which production refuses. */
    static final String PLACEHOLDER_PASSWORD = "change-me";

    /** Development allows conveniences (a fake login gateway) that production refuses. */
    public enum RunProfile { DEVELOPMENT, PRODUCTION }

    /**
     * @param connectTimeout opening a connection to MySQL/MariaDB
     * @param queryTimeout   one statement, and any wait for the server's answer on an open connection
     * @param poolWait       waiting for a free pooled connection
     * @param layout         the ShopXO layout the shop's database has, or a new one gets ({@code MINIPASS_SHOPXO_LAYOUT}: v2, v6);
     *                       empty: whatever an existing database has, ShopXO v2's for a new one
     */
    public record DatabaseConfig(String url, String user, String password, String tablePrefix, int poolSize,
                                 Duration connectTimeout, Duration queryTimeout, Duration poolWait,
                                 Optional<String> layout) {
        /** Whether this is the H2 file used when {@code MINIPASS_DB_URL} is not set. */
        public boolean isEmbeddedFallback() {
            return url.equals(DEFAULT_DB_URL);
        }

        public boolean isH2() {
            return url.startsWith("jdbc:h2:");
        }

        /** These settings as the persistence adapter takes them. */
        public DatabaseSettings settings() {
            return new DatabaseSettings(url, user, password, tablePrefix, poolSize, connectTimeout, queryTimeout, poolWait,
                    layout);
        }

        @Override
        public String toString() {
            return "DatabaseConfig[url=" + DatabaseUrls.masked(url) + ", user=" + user + ", tablePrefix=" + tablePrefix + ", poolSize=" + poolSize
                    + ", connectTimeout=" + connectTimeout + ", queryTimeout=" + queryTimeout + ", poolWait=" + poolWait
                    + ", layout=" + layout.orElse("detected") + "]";
        }
    }

    /**
     * The shop's own choices (docs/contract.md#shop-settings).
     *
     * @param defaultAvatar empty: the request's host + ShopXO's default avatar path
     */
    public record ShopConfig(
            ZoneId timeZone,
            String defaultAvatar,
            boolean registrationAudit,
            boolean mandatoryBindMobile,
            Duration tokenLifetime,
            Duration tokenCacheTtl) {
    }

    /** {@code MINIPASS_SHOPXO_LAYOUT}: {@code v2} (ids are columns of the user table) or {@code v6} (platform rows). */
    private static Optional<String> shopLayout(SettingParser settings) {
        String value = settings.text("shopxo.layout", "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> Optional.empty();
            case "v2", "v6" -> Optional.of(value);
            default -> throw new ConfigException(ConfigSource.envName("shopxo.layout") + "=" + value
                    + " is not v2 (ShopXO v2.2.0–v2.3.2) or v6 (ShopXO v3.0–v6.7)");
        };
    }

    /** {@code MINIPASS_TRUSTED_PROXIES}: CIDR networks, loopback when unset; none when proxy headers are not trusted. */
    private static TrustedProxies trustedProxies(SettingParser settings, boolean trustProxyHeaders) {
        String list = settings.text("trusted.proxies", TrustedProxies.LOOPBACK_TEXT);
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigSource.envName("trusted.proxies") + ": " + e.getMessage());
        }
        if (trustProxyHeaders && !proxies.any()) {
            throw new ConfigException(ConfigSource.envName("trust.proxy.headers") + "=true needs "
                    + ConfigSource.envName("trusted.proxies") + " to name the proxies' networks");
        }
        return trustProxyHeaders ? proxies : TrustedProxies.NONE;
    }

    public static MinipassConfig load(ConfigSource source) {
        SettingParser settings = new SettingParser(source);
        String profileName = settings.text("profile", "development").toUpperCase(Locale.ROOT);
        RunProfile profile;
        try {
            profile = RunProfile.valueOf(profileName);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("MINIPASS_PROFILE=" + profileName.toLowerCase(Locale.ROOT) + " is not development or production");
        }
        String tablePrefix = settings.text("table.prefix", "sxo_");
        if (!tablePrefix.matches("[A-Za-z0-9_]{0," + DatabaseSettings.MAX_TABLE_PREFIX_LENGTH + "}")) {
            throw new ConfigException("MINIPASS_TABLE_PREFIX=" + tablePrefix + " may hold only letters, digits and _ (at most "
                    + DatabaseSettings.MAX_TABLE_PREFIX_LENGTH + ")");
        }
        String dbUrl = settings.text("db.url", "");
        if (dbUrl.isEmpty()) {
            if (profile == RunProfile.PRODUCTION && !settings.flag("allow.embedded.database", false)) {
                throw new ConfigException(ConfigSource.envName("db.url") + " is not set: production would keep its "
                        + "users in an embedded H2 file under ./data/ that ShopXO never sees. Set it to the shop's "
                        + "database (jdbc:mysql://host:3306/shop); only for a trial without ShopXO, "
                        + ConfigSource.envName("allow.embedded.database") + "=true");
            }
            dbUrl = DEFAULT_DB_URL;
        }
        DatabaseConfig database = new DatabaseConfig(dbUrl, settings.text("db.user", dbUrl.startsWith("jdbc:h2:") ? "sa" : "root"),
                settings.text("db.password", ""), tablePrefix, settings.integer("db.pool.size", 10, 1, 200),
                settings.timeout("db.connect.timeout", Duration.ofSeconds(2)),
                settings.timeout("db.query.timeout", Duration.ofSeconds(5)),
                settings.timeout("db.pool.wait", Duration.ofSeconds(2)), shopLayout(settings));
        if (profile == RunProfile.PRODUCTION && database.password().equals(PLACEHOLDER_PASSWORD)) {
            throw new ConfigException(ConfigSource.envName("db.password") + " is still " + PLACEHOLDER_PASSWORD
                    + ", the placeholder of deploy/minipass.env: set the database account's own password");
        }
        ShopConfig shop = new ShopConfig(
                settings.zone("timezone", "Asia/Shanghai"),
                settings.text("default.avatar", ""),
                settings.flag("register.audit", false),
                settings.flag("mandatory.bind.mobile", false),
                settings.duration("token.ttl", Duration.ofDays(30)),
                settings.duration("token.cache.ttl", Duration.ofSeconds(60)));
        Duration bodyTimeout = settings.duration("body.timeout", Duration.ofSeconds(10));
        if (bodyTimeout.isZero()) {
            throw new ConfigException(ConfigSource.envName("body.timeout") + " must be longer than 0");
        }
        Duration shutdownGrace = settings.duration("shutdown.grace", DEFAULT_SHUTDOWN_GRACE);
        if (shutdownGrace.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException(ConfigSource.envName("shutdown.grace") + " must be at most 10m");
        }
        // The development profile serves the login gateway that lets any code in: only this machine may reach it,
        // unless the host is set.
        String defaultHost = profile == RunProfile.PRODUCTION ? "0.0.0.0" : "127.0.0.1";
        String host = settings.text("host", defaultHost);
        host = host.isEmpty() ? defaultHost : host;
        int port = settings.integer("port", 8080, 0, 65535);
        ObservabilityConfig observability = ObservabilityConfig.load(settings, profile);
        if (port != 0 && observability.managementPort().orElse(0) == port) {
            throw new ConfigException(ConfigSource.envName("management.port") + "=" + port + " is the API's port too");
        }
        PlatformsConfig platforms = PlatformsConfig.load(settings);
        boolean trustProxyHeaders = settings.flag("trust.proxy.headers", false);
        return new MinipassConfig(host, port, trustProxyHeaders, trustedProxies(settings, trustProxyHeaders), profile,
                database, shop, platforms, SecurityConfig.load(settings, profile, platforms), bodyTimeout,
                observability, shutdownGrace, RedisConfig.load(settings));
    }
}
