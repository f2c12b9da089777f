package io.minipass.application.port.out;

import io.minipass.domain.user.Platform;

/** Trades a client's one-time login code with its platform for the user's ids and session key. */
public interface ExchangeLoginCodePort {

    /**
     * @throws PlatformCallFailedException when the platform refuses the code, is not configured,
     *                                     answers something unreadable or does not answer in time
     */
    LoginSession exchange(Platform platform, String code);
}
