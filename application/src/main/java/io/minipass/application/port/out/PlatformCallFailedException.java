package io.minipass.application.port.out;

import io.minipass.domain.user.Platform;

/**
 * A platform call that did not give an answer to act on. The message is for the client
 * (it names the platform's error, never a secret).
 */
public class PlatformCallFailedException extends RuntimeException {
    private final Platform platform;

    public PlatformCallFailedException(Platform platform, String message) {
        super(message);
        this.platform = platform;
    }

    public PlatformCallFailedException(Platform platform, String message, Throwable cause) {
        super(message, cause);
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
