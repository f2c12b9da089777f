package io.minipass.adapters.platforms.crypto;

import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-facing refusals of encrypted user data. A missing part is named as ShopXO names it;
 * anything that goes wrong past that reads the same to the client and logs at one level, whatever
 * failed, so no answer tells a bad padding from a foreign key (docs/security.md).
 */
public final class DecryptionFailures {
    public static final String NO_SESSION_KEY = "session key不存在";
    public static final String NO_ENCRYPTED_DATA = "解密数据为空";
    public static final String NO_IV = "iv为空,请重试";
    private static final Logger log = LoggerFactory.getLogger(DecryptionFailures.class);

    private DecryptionFailures() {
    }

    /** @param why for the operator's log only */
    public static UserDataRefusedException refused(Platform platform, String why) {
        log.info("{} user data refused: {}", platform.clientType(), why);
        return new UserDataRefusedException();
    }
}
