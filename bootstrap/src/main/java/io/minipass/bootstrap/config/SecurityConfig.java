package io.minipass.bootstrap.config;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.domain.user.Platform;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom the service believes and how often a client may try (docs/security.md): the login proof, the
 * failures a session key survives, and the attempt budgets ({@code MINIPASS_BUDGET_<ATTEMPT>} as
 * {@code <per address>/<per openid>/<window>}, 0 for no limit), and the token look-ups the whole service still
 * makes for addresses whose failed-look-up budget is spent ({@code MINIPASS_SUSPECT_TOKEN_LOOKUPS} as
 * {@code <look-ups>/<window>}, 0 for none).
 */
public record SecurityConfig(boolean requireLoginProof, Duration loginProofTtl, int failuresPerSessionKey,
                             Map<Attempt, Budget> budgets, SuspectLane.Limit suspectTokenLookups) {
    /** Generous enough for many real users behind one carrier NAT; see docs/security.md for the reasoning. */
    static final Map<Attempt, Budget> DEFAULT_BUDGETS = Map.of(
            Attempt.CODE_EXCHANGE, new Budget(600, 30, Duration.ofMinutes(1)),
            Attempt.REGISTRATION, new Budget(300, 0, Duration.ofMinutes(1)),
            Attempt.FAILED_DECRYPTION, new Budget(200, 10, Duration.ofHours(1)),
            Attempt.FAILED_TOKEN_LOOKUP, new Budget(300, 0, Duration.ofMinutes(1)),
            Attempt.PHONE_VERIFICATION, new Budget(300, 3, Duration.ofMinutes(1)),
            Attempt.FAILED_PHONE_VERIFICATION, new Budget(200, 3, Duration.ofMinutes(10)));
    private static final Pattern BUDGET = Pattern.compile("(\\d{1,9})/(\\d{1,9})/(\\S+)");
    private static final Pattern LANE = Pattern.compile("(\\d{1,9})/(\\S+)");

    public SecurityConfig {
        budgets = Map.copyOf(budgets);
    }

    /**
     * @param platforms the credentials configured: with any of them the proof may be off only when the operator
     *                  says so ({@code MINIPASS_REQUIRE_LOGIN_PROOF=false}), never by the development profile's
     *                  default (docs/security.md#the-login-proof)
     */
    static SecurityConfig load(SettingParser settings, MinipassConfig.RunProfile profile, PlatformsConfig platforms) {
        Duration proofTtl = settings.duration("login.proof.ttl", Duration.ofMinutes(30));
        if (proofTtl.isZero()) {
            throw new ConfigException(ConfigSource.envName("login.proof.ttl") + " must be longer than 0");
        }
        Map<Attempt, Budget> budgets = new EnumMap<>(Attempt.class);
        for (Attempt attempt : Attempt.values()) {
            budgets.put(attempt, budget(settings, attempt));
        }
        boolean proofNamed = !settings.text("require.login.proof", "").isEmpty();
        boolean requireProof = settings.flag("require.login.proof", profile == MinipassConfig.RunProfile.PRODUCTION);
        Set<Platform> credentials = platforms.configured();
        if (!requireProof && !proofNamed && !credentials.isEmpty()) {
            throw new ConfigException("the credentials of " + names(credentials) + " are set, but the login proof is "
                    + "off (the development profile's default): anyone who knows a user's openid could log in as them. "
                    + "Set MINIPASS_PROFILE=production (or MINIPASS_REQUIRE_LOGIN_PROOF=true); only to trust the "
                    + "openids clients send, as ShopXO does, set MINIPASS_REQUIRE_LOGIN_PROOF=false");
        }
        return new SecurityConfig(
                requireProof,
                proofTtl,
                settings.integer("session.key.max.failures", LoginSettings.DEFAULT_FAILURES_PER_SESSION_KEY, 1, 1000),
                budgets, suspectTokenLookups(settings));
    }

    private static SuspectLane.Limit suspectTokenLookups(SettingParser settings) {
        String name = "suspect.token.lookups";
        String value = settings.text(name, "");
        if (value.isEmpty()) {
            return SuspectLane.Limit.TOKEN_LOOKUPS;
        }
        if (value.equals("0")) {
            return SuspectLane.Limit.CLOSED;
        }
        Matcher parts = LANE.matcher(value);
        if (!parts.matches()) {
            throw new ConfigException(ConfigSource.envName(name) + "=" + value + " is not <look-ups>/<window>, e.g. 50/1s");
        }
        Duration window = SettingParser.parseDuration(name, parts.group(2));
        if (window.isZero()) {
            throw new ConfigException(ConfigSource.envName(name) + "=" + value + " needs a window longer than 0");
        }
        return new SuspectLane.Limit(Long.parseLong(parts.group(1)), window);
    }

    /**
     * What to warn of at every start and in {@code check}: the proof turned off while real platforms log users in,
     * so a client's openid alone logs in (the operator asked for it; {@link #load} refuses it otherwise).
     */
    public Optional<String> openidOnlyLogins(PlatformsConfig platforms) {
        Set<Platform> credentials = platforms.configured();
        if (requireLoginProof || credentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("OPENID-ONLY LOGINS on " + names(credentials) + ": MINIPASS_REQUIRE_LOGIN_PROOF=false, so "
                + "anyone who knows a user's openid (or unionid) logs in as them without the platform's proof");
    }

    private static String names(Set<Platform> platforms) {
        return platforms.stream().sorted().map(Platform::clientType).toList().toString();
    }

    private static Budget budget(SettingParser settings, Attempt attempt) {
        String name = KnownSettings.budgetName(attempt);
        String value = settings.text(name, "");
        if (value.isEmpty()) {
            return DEFAULT_BUDGETS.get(attempt);
        }
        Matcher parts = BUDGET.matcher(value);
        if (!parts.matches()) {
            throw new ConfigException(ConfigSource.envName(name) + "=" + value
                    + " is not <per address>/<per openid>/<window>, e.g. 600/30/1m");
        }
        Duration window = SettingParser.parseDuration(name, parts.group(3));
        if (window.isZero()) {
            throw new ConfigException(ConfigSource.envName(name) + "=" + value + " needs a window longer than 0");
        }
        return new Budget(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)), window);
    }
}
