package io.minipass.application.port.in;

import io.minipass.domain.user.InvalidInputException;

/**
 * The shop requires a login proof and this openid has none (it never came from a code exchange here,
 * its proof expired, or another call spent it): the client must authorize again (docs/security.md).
 */
public final class UnprovenIdentityException extends InvalidInputException {
    public static final String MESSAGE = "授权已失效，请重新授权";

    public UnprovenIdentityException() {
        super(MESSAGE);
    }
}
