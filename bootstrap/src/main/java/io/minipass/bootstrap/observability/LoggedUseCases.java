package io.minipass.bootstrap.observability;

import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes one login event ({@link LoginEventLog}) per attempt on the login routes, observed at the use cases' edge as
 * {@link MeasuredUseCases} counts them, with the same outcomes and reasons. A token look-up
 * ({@code tokenuserinfo}) is no login attempt and is not written.
 */
public final class LoggedUseCases {
    private final LoginEventLog events;

    public LoggedUseCases(LoginEventLog events) {
        this.events = events;
    }

    public LoginUseCases log(LoginUseCases useCases) {
        return new LoginUseCases(
                command -> logged(MeasuredUseCases.LOG_IN, command.identity().platform(), command.from(),
                        () -> useCases.logIn().logIn(command), MeasuredUseCases::ending, LoggedUseCases::userOf),
                command -> logged(MeasuredUseCases.AUTHORIZE, command.platform(), command.from(),
                        () -> useCases.authorize().authorize(command), MeasuredUseCases::ending, LoggedUseCases::userOf),
                useCases.resumeSession(),
                command -> logged(MeasuredUseCases.BIND_MOBILE, command.identity().platform(), command.from(),
                        () -> useCases.bindMobile().bindMobile(command), MeasuredUseCases::ending, LoggedUseCases::userOf),
                command -> logged(MeasuredUseCases.VERIFY_MOBILE, command.platform(), command.from(),
                        () -> useCases.verifyMobile().verifyMobile(command),
                        mobile -> new MeasuredUseCases.Ending("mobile_verified", MeasuredUseCases.NONE),
                        mobile -> Optional.empty()),
                command -> logged(MeasuredUseCases.REGISTER_WITH_MOBILE, command.identity().platform(), command.from(),
                        () -> useCases.registerWithMobile().register(command), MeasuredUseCases::ending,
                        LoggedUseCases::userOf));
    }

    private <T> T logged(String route, Platform platform, ClientAddress from, Supplier<T> attempt,
                         Function<T, MeasuredUseCases.Ending> ending, Function<T, Optional<UserId>> user) {
        T outcome;
        try {
            outcome = attempt.get();
        } catch (RuntimeException failure) {
            events.attempt(route, platform, MeasuredUseCases.ending(failure), Optional.empty(), from);
            throw failure;
        }
        events.attempt(route, platform, ending.apply(outcome), user.apply(outcome), from);
        return outcome;
    }

    /** Whom the login reached, when it reached a stored user. */
    static Optional<UserId> userOf(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            return idOf(loggedIn.user());
        } else if (outcome instanceof LoginOutcome.Refused refused) {
            return Optional.of(refused.user());
        } else if (outcome instanceof LoginOutcome.RegisteredAwaitingAudit awaiting) {
            return idOf(awaiting.user());
        }
        return Optional.empty();
    }

    static Optional<UserId> userOf(AuthorizationOutcome outcome) {
        return outcome instanceof AuthorizationOutcome.Recognized recognized ? userOf(recognized.outcome()) : Optional.empty();
    }

    private static Optional<UserId> idOf(User user) {
        return Optional.ofNullable(user).map(User::id);
    }
}
