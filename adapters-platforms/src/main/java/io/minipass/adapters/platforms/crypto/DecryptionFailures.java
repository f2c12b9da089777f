package io.minipass.adapters.platforms.crypto;

import io.minipass.domain.user.InvalidInputException;

/** The client-facing refusals of encrypted user data, worded as ShopXO words them. */
final class DecryptionFailures {
    static final String NO_SESSION_KEY = "session key不存在";
    static final String NO_ENCRYPTED_DATA = "解密数据为空";
    static final String NO_IV = "iv为空,请重试";
    static final String BAD_IV_LENGTH = "iv长度错误";
    /** Almost always a session key the client has replaced by logging in again. */
    static final String UNREADABLE = "解密失败，请重新登录";
    /** The data opened but was not sealed for this shop's app or this user. */
    static final String FOREIGN = "解密数据校验失败";

    private DecryptionFailures() {
    }

    static InvalidInputException unreadable() {
        return new InvalidInputException(UNREADABLE);
    }

    static InvalidInputException foreign() {
        return new InvalidInputException(FOREIGN);
    }
}
