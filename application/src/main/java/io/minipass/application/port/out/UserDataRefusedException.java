package io.minipass.application.port.out;

import io.minipass.domain.user.InvalidInputException;

/**
 * Encrypted user data (a profile or a phone number) that did not open, or opened to something not
 * meant for this app and user. Every such failure reads the same to the client, whatever failed,
 * so that no answer can tell a bad padding from a foreign key (docs/security.md).
 */
public final class UserDataRefusedException extends InvalidInputException {
    public static final String MESSAGE = "解密失败，请重新登录";

    public UserDataRefusedException() {
        super(MESSAGE);
    }
}
