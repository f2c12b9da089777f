package io.minipass.bootstrap.observability;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Optional;

/**
 * The opt-in login-event log ({@code MINIPASS_LOGIN_EVENTS=true}): one INFO line per login attempt on the logger
 * {@code minipass.login}, with the route, platform, outcome, the reason of a refusal (the names the metrics use),
 * the user's id when the attempt got as far as a user, and the client's address; also as key-value pairs for JSON
 * logs, and with the request's id as every line of the request has it. It answers "why did user 123's login fail at
 * 14:02?" (docs/operations.md#logs). Never a token, openid, unionid, mobile, login code or session key: nothing the
 * client sent is written but the platform's name, which is one of six.
 */
public final class LoginEventLog {
    static final String LOGGER = "minipass.login";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    void attempt(String route, Platform platform, MeasuredUseCases.Ending ending, Optional<UserId> user,
                 ClientAddress from) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String userId = user.map(UserId::toString).orElse("-");
        String client = from.value().isEmpty() ? "-" : from.value();
        LoggingEventBuilder event = LOG.atInfo()
                .addKeyValue("event", "login")
                .addKeyValue("route", route)
                .addKeyValue("platform", platform.clientType())
                .addKeyValue("outcome", ending.outcome())
                .addKeyValue("reason", ending.reason());
        if (user.isPresent()) {
            event = event.addKeyValue("user_id", userId);
        }
        event.addKeyValue("client", client)
                .log("login {} platform={} outcome={} reason={} user={} client={}", route, platform.clientType(),
                        ending.outcome(), ending.reason(), userId, client);
    }
}
