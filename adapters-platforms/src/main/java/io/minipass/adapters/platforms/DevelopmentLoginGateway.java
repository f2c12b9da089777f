package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * <b>FOR DEVELOPMENT AND TESTS ONLY — NEVER IN PRODUCTION.</b> Trusts any login code without asking the
 * platform: whoever sends a code gets the account behind it, so a service using this gateway has no
 * authentication at all. The openid is {@code dev_} + the first 24 hex digits of SHA-256 of
 * {@code <client type>:<code>} (the same code gives the same user, per platform); the session key is fresh
 * random bytes of the platform's length (24 for Baidu, 16 elsewhere) that open nothing; there is never a unionid.
 */
record DevelopmentLoginGateway(Platform platform, int sessionKeyBytes) implements PlatformParts.Login {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public LoginSession exchange(String code) {
        if (code == null || code.isBlank()) {
            throw new PlatformCallFailedException(platform, "开发登录code为空");
        }
        byte[] sessionKey = new byte[sessionKeyBytes];
        RANDOM.nextBytes(sessionKey);
        return LoginSessions.of(platform, openIdFor(platform, code), "", Base64.getEncoder().encodeToString(sessionKey));
    }

    private static String openIdFor(Platform platform, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((platform.clientType() + ":" + code).getBytes(StandardCharsets.UTF_8));
            return "dev_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
