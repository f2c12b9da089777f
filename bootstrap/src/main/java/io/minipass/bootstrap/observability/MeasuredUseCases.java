package io.minipass.bootstrap.observability;

import io.minipass.adapters.web.Failure;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.budget.Attempt;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.Platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Counts how logins end, observed at the use cases' edge so the application stays free of metrics:
 * {@code minipass.logins} by route, platform, outcome and the reason of a refusal, and
 * {@code minipass.budget.refusals} by attempt (also for {@code tokenuserinfo}).
 */
public final class MeasuredUseCases {
    static final String NONE = "none";
    static final String AUTHORIZE = "user/appminiuserauth";
    static final String LOG_IN = "user/appminiuserinfo";
    static final String BIND_MOBILE = "user/onekeyusermobilebind";
    static final String VERIFY_MOBILE = "user/onekeyusermobiledecrypt";
    static final String REGISTER_WITH_MOBILE = "user/userbasereg";

    private static final List<String> LOGGED_IN = Stream.concat(
            Stream.of(LoginOutcome.LoginKind.values()).map(kind -> lower(kind.name())),
            Stream.of("registered_awaiting_audit", "mobile_required")).toList();
    /** How each route's logins end, refusals apart: the series registered at 0 from the start. */
    private static final Map<String, List<String>> OUTCOMES = Map.of(
            AUTHORIZE, Stream.concat(LOGGED_IN.stream(), Stream.of("unrecognized")).toList(),
            LOG_IN, LOGGED_IN,
            BIND_MOBILE, LOGGED_IN,
            VERIFY_MOBILE, List.of("mobile_verified"),
            REGISTER_WITH_MOBILE, LOGGED_IN);
    /** Every {@link #reason} a refusal can have. */
    private static final List<String> REASONS = Stream.concat(
            Stream.of(LoginRefusal.values()).map(MeasuredUseCases::reason),
            Stream.of(Failure.values()).map(Failure::reason)).toList();

    private final ServiceMetrics metrics;

    /** Registers every route, platform, outcome and reason, and every budget, at 0. */
    public MeasuredUseCases(ServiceMetrics metrics) {
        this.metrics = metrics;
        for (Platform platform : Platform.values()) {
            OUTCOMES.forEach((route, outcomes) -> {
                outcomes.forEach(outcome -> metrics.knownLogin(route, platform.clientType(), outcome, NONE));
                REASONS.forEach(reason -> metrics.knownLogin(route, platform.clientType(), "refused", reason));
            });
        }
        for (Attempt attempt : Attempt.values()) {
            metrics.knownBudget(lower(attempt.name()));
        }
    }

    public LoginUseCases measure(LoginUseCases useCases) {
        return new LoginUseCases(
                command -> login(LOG_IN, command.identity().platform(), () -> useCases.logIn().logIn(command)),
                command -> authorize(command.platform(), () -> useCases.authorize().authorize(command)),
                (token, from) -> {
                    try {
                        return useCases.resumeSession().resume(token, from);
                    } catch (OverBudgetException e) {
                        metrics.budgetRefusal(attempt(e));
                        throw e;
                    }
                },
                command -> login(BIND_MOBILE, command.identity().platform(),
                        () -> useCases.bindMobile().bindMobile(command)),
                command -> {
                    String mobile = refusalsCounted(VERIFY_MOBILE, command.platform(),
                            () -> useCases.verifyMobile().verifyMobile(command));
                    metrics.login(VERIFY_MOBILE, command.platform().clientType(), "mobile_verified", NONE);
                    return mobile;
                },
                command -> login(REGISTER_WITH_MOBILE, command.identity().platform(),
                        () -> useCases.registerWithMobile().register(command)));
    }

    private LoginOutcome login(String route, Platform platform, Supplier<LoginOutcome> login) {
        LoginOutcome outcome = refusalsCounted(route, platform, login);
        count(route, platform, outcome);
        return outcome;
    }

    private AuthorizationOutcome authorize(Platform platform, Supplier<AuthorizationOutcome> authorization) {
        AuthorizationOutcome outcome = refusalsCounted(AUTHORIZE, platform, authorization);
        Ending ending = ending(outcome);
        metrics.login(AUTHORIZE, platform.clientType(), ending.outcome(), ending.reason());
        return outcome;
    }

    private void count(String route, Platform platform, LoginOutcome outcome) {
        Ending ending = ending(outcome);
        metrics.login(route, platform.clientType(), ending.outcome(), ending.reason());
    }

    /** How a login ended, as the metrics and the login-event log name it: the outcome, and why it was refused. */
    record Ending(String outcome, String reason) {
    }

    static Ending ending(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            return new Ending(lower(loggedIn.kind().name()), NONE);
        } else if (outcome instanceof LoginOutcome.Refused refused) {
            return new Ending("refused", reason(refused.refusal()));
        } else if (outcome instanceof LoginOutcome.RegisteredAwaitingAudit) {
            return new Ending("registered_awaiting_audit", NONE);
        }
        return new Ending("mobile_required", NONE);
    }

    static Ending ending(AuthorizationOutcome outcome) {
        if (outcome instanceof AuthorizationOutcome.Recognized recognized) {
            return ending(recognized.outcome());
        } else if (outcome instanceof AuthorizationOutcome.MobileRequired) {
            return new Ending("mobile_required", NONE);
        }
        return new Ending("unrecognized", NONE);
    }

    /** A login that threw. */
    static Ending ending(RuntimeException failure) {
        return new Ending("refused", reason(failure));
    }

    /** Runs a login, counting it as refused, and why, when it throws. */
    private <T> T refusalsCounted(String route, Platform platform, Supplier<T> login) {
        try {
            return login.get();
        } catch (RuntimeException e) {
            if (e instanceof OverBudgetException overBudget) {
                metrics.budgetRefusal(attempt(overBudget));
            }
            metrics.login(route, platform.clientType(), "refused", reason(e));
            throw e;
        }
    }

    static String reason(LoginRefusal refusal) {
        return lower(refusal.name());
    }

    /** Why a login that threw was refused, as the web adapter's failure table names it. */
    static String reason(RuntimeException failure) {
        return Failure.of(failure).reason();
    }

    private static String attempt(OverBudgetException e) {
        return lower(e.attempt().name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
