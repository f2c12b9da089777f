package io.minipass.adapters.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.application.budget.Attempt;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.PlatformNotServedException;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table of what an exception becomes: envelope, log line and metric reason (docs/design.md, ADR-47). */
class FailureTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FailureTest.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
        logger.setLevel(null);
    }

    @Test
    void each_exception_kind_has_its_entry_the_refusals_before_the_bad_input_they_are_kinds_of() {
        assertThat(Failure.of(new OverBudgetException(Attempt.values()[0]))).isEqualTo(Failure.OVER_BUDGET);
        assertThat(Failure.of(new UnprovenIdentityException())).isEqualTo(Failure.UNPROVEN);
        assertThat(Failure.of(new UserDataRefusedException())).isEqualTo(Failure.DECRYPTION_FAILED);
        assertThat(Failure.of(new PlatformCallFailedException(Platform.WEIXIN, "no"))).isEqualTo(Failure.PLATFORM_REFUSED);
        assertThat(Failure.of(new StorageUnavailableException("db", null))).isEqualTo(Failure.STORAGE_UNAVAILABLE);
        assertThat(Failure.of(new SharedStateUnavailableException("redis", null))).isEqualTo(Failure.STATE_UNAVAILABLE);
        assertThat(Failure.of(new PlatformNotServedException(Platform.WEIXIN))).isEqualTo(Failure.MISCONFIGURED);
        assertThat(Failure.of(new InvalidInputException("bad"))).isEqualTo(Failure.BAD_INPUT);
        assertThat(Failure.of(new IllegalStateException("bug"))).isEqualTo(Failure.UNEXPECTED);
        assertThat(Failure.of(new IOException("checked"))).isEqualTo(Failure.UNEXPECTED);
    }

    @Test
    void the_reasons_are_the_labels_the_login_metrics_have_always_carried() {
        assertThat(Failure.values()).extracting(Failure::reason).containsExactly("over_budget", "unproven",
                "decryption_failed", "platform_refused", "storage_unavailable", "state_unavailable", "misconfigured",
                "bad_input", "error");
    }

    @Test
    void client_mistakes_answer_minus_1_with_their_message_and_log_nothing() {
        ApiResult answer = Failure.BAD_INPUT.answer(new InvalidInputException("openid不能为空"), "user/x", logger);

        assertThat(answer).isEqualTo(ApiResult.failed("openid不能为空"));
        assertThat(log.list).isEmpty();
    }

    @Test
    void over_budget_answers_minus_429_with_its_message() {
        OverBudgetException overBudget = new OverBudgetException(Attempt.values()[0]);

        assertThat(Failure.OVER_BUDGET.answer(overBudget, "user/x", logger))
                .isEqualTo(ApiResult.error(ApiResult.OVER_BUDGET, overBudget.getMessage()));
        assertThat(log.list).isEmpty();
    }

    @Test
    void a_platform_refusal_answers_its_message_and_logs_one_info_line() {
        ApiResult answer = Failure.PLATFORM_REFUSED.answer(new PlatformCallFailedException(Platform.WEIXIN, "code been used"), "user/x",
                logger);

        assertThat(answer).isEqualTo(ApiResult.failed("code been used"));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("Platform call failed on user/x: code been used");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void storage_and_shared_state_out_of_reach_answer_minus_100_busy_in_one_warn_line() {
        assertThat(Failure.STORAGE_UNAVAILABLE.answer(new StorageUnavailableException("pool", null), "user/x", logger))
                .isEqualTo(ApiResult.error(ApiResult.STORAGE_FAILED, "系统繁忙，请稍后再试"));
        assertThat(Failure.STATE_UNAVAILABLE.answer(new SharedStateUnavailableException("redis", null), "user/y", logger))
                .isEqualTo(ApiResult.error(ApiResult.STORAGE_FAILED, "系统繁忙，请稍后再试"));
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.WARN);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).isEqualTo(List.of(
                "Storage unavailable on user/x: pool", "Shared state unavailable on user/y: redis"));
    }

    @Test
    void anything_else_answers_minus_1_busy_and_logs_its_stack_trace() {
        ApiResult answer = Failure.UNEXPECTED.answer(new IllegalStateException("bug"), "user/x", logger);

        assertThat(answer).isEqualTo(ApiResult.failed("系统繁忙，请稍后再试"));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("Unexpected failure on user/x");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("bug");
        });
    }
}
