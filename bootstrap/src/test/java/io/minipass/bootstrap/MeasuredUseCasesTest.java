package io.minipass.bootstrap;

import io.minipass.bootstrap.observability.MeasuredUseCases;
import io.minipass.bootstrap.observability.ServiceMetrics;
import io.minipass.application.budget.Attempt;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.PlatformNotServedException;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each way a login ends is counted: {@code minipass_logins_total{outcome, reason}} and budget refusals by attempt. */
class MeasuredUseCasesTest {
    private final ServiceMetrics metrics = new ServiceMetrics(new BuildInfo("1.0.0", "0123456789ab"));

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void refusals_are_counted_with_their_reason_and_passed_on() {
        assertRefusedAs(() -> new LoginOutcome.Refused(LoginRefusal.BANNED, new io.minipass.domain.user.UserId(1)), "banned");
        assertRefusedAs(() -> new LoginOutcome.Refused(LoginRefusal.AWAITING_AUDIT, new io.minipass.domain.user.UserId(1)), "awaiting_audit");
        assertRefusedAs(() -> {
            throw new OverBudgetException(Attempt.REGISTRATION);
        }, "over_budget");
        assertRefusedAs(() -> {
            throw new UnprovenIdentityException();
        }, "unproven");
        assertRefusedAs(() -> {
            throw new UserDataRefusedException();
        }, "decryption_failed");
        assertRefusedAs(() -> {
            throw new PlatformCallFailedException(Platform.BAIDU, "百度登录失败");
        }, "platform_refused");
        assertRefusedAs(() -> {
            throw new InvalidInputException("手机已绑定其他帐号");
        }, "bad_input");
        assertRefusedAs(() -> {
            throw new PlatformNotServedException(Platform.BAIDU);
        }, "misconfigured");
        assertRefusedAs(() -> {
            throw new StorageUnavailableException("down", new RuntimeException());
        }, "storage_unavailable");
        assertThat(value("minipass_budget_refusals_total", Map.of("attempt", "registration"))).isEqualTo(1);
    }

    @Test
    void a_budget_refused_token_look_up_is_a_budget_refusal_not_a_login() {
        LoginUseCases measured = new MeasuredUseCases(metrics).measure(new LoginUseCases(null, null, (token, from) -> {
            throw new OverBudgetException(Attempt.FAILED_TOKEN_LOOKUP);
        }, null, null, null));

        assertThatThrownBy(() -> measured.resumeSession().resume("t", ClientAddress.UNKNOWN))
                .isInstanceOf(OverBudgetException.class);
        assertThat(value("minipass_budget_refusals_total", Map.of("attempt", "failed_token_lookup"))).isEqualTo(1);
        assertThat(value("minipass_logins_total", Map.of())).isZero();
    }

    @Test
    void a_registration_awaiting_audit_is_its_own_outcome() {
        LoginUseCases measured = measuredLogIn(() -> new LoginOutcome.RegisteredAwaitingAudit(null));

        measured.logIn().logIn(command());

        assertThat(value("minipass_logins_total", Map.of("route", "user/appminiuserinfo", "platform", "baidu",
                "outcome", "registered_awaiting_audit", "reason", "none"))).isEqualTo(1);
    }

    private void assertRefusedAs(Supplier<LoginOutcome> login, String reason) {
        LoginUseCases measured = measuredLogIn(login);
        try {
            measured.logIn().logIn(command());
        } catch (RuntimeException expected) {
            // passed on to the web adapter as it was
        }
        assertThat(value("minipass_logins_total", Map.of("platform", "baidu", "outcome", "refused", "reason", reason)))
                .as(reason).isEqualTo(1);
    }

    private LoginUseCases measuredLogIn(Supplier<LoginOutcome> login) {
        return new MeasuredUseCases(metrics).measure(new LoginUseCases(command -> login.get(), null,
                (token, from) -> new TokenLookup.Invalid(), null, null, null));
    }

    private static LogInMiniProgramUserCommand command() {
        return new LogInMiniProgramUserCommand(SystemType.DEFAULT, new PlatformIdentity(Platform.BAIDU,
                new OpenId("openid-1"), Optional.empty()),
                new ProfileData.Sealed("c2VhbGVk", "r7BXXKkLb8qrSNn05n0qiA=="), "0", ClientAddress.UNKNOWN);
    }

    private double value(String name, Map<String, String> labels) {
        return ObservabilitySystemTest.value(metrics.scrape(), name, labels);
    }
}
