package io.minipass.application.port.in;

import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;

import java.util.Objects;

/**
 * A client's {@code appminiuserauth} call: the platform's one-time login code, through which of the shop's
 * client systems, who invited the user, and where the call came from.
 */
public record AuthorizeMiniProgramUserCommand(SystemType systemType, Platform platform, String code, String referrer,
                                              ClientAddress from) {
    private static final int MAX_CODE_LENGTH = 512;

    public AuthorizeMiniProgramUserCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        if (code == null || code.isBlank() || code.equals("0")) {
            throw new InvalidInputException("授权码为空");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new InvalidInputException("授权码格式有误");
        }
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
    }
}
