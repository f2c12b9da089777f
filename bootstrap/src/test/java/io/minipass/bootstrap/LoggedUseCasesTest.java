package io.minipass.bootstrap;

import io.minipass.bootstrap.observability.LoggedUseCases;
import io.minipass.bootstrap.observability.LoginEventLog;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.application.budget.Attempt;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login-event log: one line per login attempt, with what support needs and nothing a client could log in with. */
class LoggedUseCasesTest {
    private static final String OPENID = "oSecretOpenid0000000000001";
    private static final String UNIONID = "oSecretUnionid000000000001";
    private static final String TOKEN = "5ec2e7700000000000000000000000aa";
    private static final String MOBILE = "13800138000";
    private static final String CODE = "secret-login-code-1";
    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");

    private final Logger logger = (Logger) LoggerFactory.getLogger("minipass.login");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        events.start();
        logger.addAppender(events);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(events);
        logger.setLevel(levelBefore);
        MDC.clear();
    }

    @Test
    void a_login_is_one_event_with_the_user_route_platform_outcome_and_client_on_the_requests_id() {
        MDC.put("request_id", "req-login-1");

        logIn(() -> new LoginOutcome.LoggedIn(user(123), LoginOutcome.LoginKind.RETURNING));

        assertThat(events.list).hasSize(1);
        ILoggingEvent event = events.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "req-login-1");
        assertThat(fields(event)).containsExactly(Map.entry("event", "login"), Map.entry("route", "user/appminiuserinfo"),
                Map.entry("platform", "baidu"), Map.entry("outcome", "returning"), Map.entry("reason", "none"),
                Map.entry("user_id", "123"), Map.entry("client", "203.0.113.7"));
        assertThat(event.getFormattedMessage()).isEqualTo(
                "login user/appminiuserinfo platform=baidu outcome=returning reason=none user=123 client=203.0.113.7");
    }

    @Test
    void a_refused_user_is_named_with_the_reason() {
        logIn(() -> new LoginOutcome.Refused(LoginRefusal.BANNED, new UserId(123)));

        assertThat(fields(events.list.get(0))).containsEntry("outcome", "refused").containsEntry("reason", "banned")
                .containsEntry("user_id", "123");
    }

    @Test
    void each_failure_kind_is_its_reason_without_a_user_and_is_passed_on() {
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        failures.put("over_budget", new OverBudgetException(Attempt.REGISTRATION));
        failures.put("unproven", new UnprovenIdentityException());
        failures.put("decryption_failed", new UserDataRefusedException());
        failures.put("platform_refused", new PlatformCallFailedException(Platform.BAIDU, "百度登录失败"));
        failures.put("storage_unavailable", new StorageUnavailableException("down", new RuntimeException()));
        failures.put("state_unavailable", new SharedStateUnavailableException("down", new RuntimeException()));
        failures.put("bad_input", new InvalidInputException("openid格式有误"));
        failures.put("error", new IllegalStateException("a bug"));

        failures.forEach((reason, failure) -> assertThatThrownBy(() -> logIn(() -> {
            throw failure;
        })).isSameAs(failure));

        assertThat(events.list).hasSize(failures.size());
        for (int i = 0; i < events.list.size(); i++) {
            Map<String, String> fields = fields(events.list.get(i));
            assertThat(fields).containsEntry("outcome", "refused")
                    .containsEntry("reason", List.copyOf(failures.keySet()).get(i)).doesNotContainKey("user_id");
            assertThat(events.list.get(i).getFormattedMessage()).contains(" user=- ");
        }
    }

    @Test
    void a_code_exchange_says_whether_it_recognized_someone() {
        LoginUseCases logged = logged(null, () -> new AuthorizationOutcome.Recognized(
                new LoginOutcome.LoggedIn(user(9), LoginOutcome.LoginKind.RETURNING)));
        logged.authorize().authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, CODE,
                "0", FROM));
        LoginUseCases unrecognized = logged(null, () -> new AuthorizationOutcome.Unrecognized(
                new PlatformIdentity(Platform.WEIXIN, new OpenId(OPENID), Optional.of(new UnionId(UNIONID)))));
        unrecognized.authorize().authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN,
                CODE, "0", FROM));

        assertThat(fields(events.list.get(0))).containsEntry("route", "user/appminiuserauth")
                .containsEntry("outcome", "returning").containsEntry("user_id", "9");
        assertThat(fields(events.list.get(1))).containsEntry("outcome", "unrecognized").doesNotContainKey("user_id");
    }

    @Test
    void a_token_look_up_is_no_login_attempt() {
        logged(() -> new LoginOutcome.LoggedIn(user(1), LoginOutcome.LoginKind.RETURNING), null)
                .resumeSession().resume(TOKEN, FROM);

        assertThat(events.list).isEmpty();
    }

    @Test
    void no_event_holds_a_token_openid_unionid_mobile_or_code_in_either_log_format() {
        logIn(() -> new LoginOutcome.LoggedIn(user(123), LoginOutcome.LoginKind.REGISTERED));
        logIn(() -> new LoginOutcome.Refused(LoginRefusal.BANNED, new UserId(123)));
        logged(null, () -> new AuthorizationOutcome.Unrecognized(
                new PlatformIdentity(Platform.WEIXIN, new OpenId(OPENID), Optional.of(new UnionId(UNIONID)))))
                .authorize().authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, CODE,
                        "0", FROM));
        assertThatThrownBy(() -> logIn(() -> {
            throw new InvalidInputException("手机已绑定其他帐号 " + MOBILE);
        })).isInstanceOf(InvalidInputException.class);

        assertThat(events.list).hasSize(4);
        String written = encoded(new PatternLayoutEncoder()) + encoded(new JsonEncoder());
        assertThat(written).contains("user=123", "\"user_id\":\"123\"")
                .doesNotContain(TOKEN, OPENID, UNIONID, MOBILE, CODE);
    }

    private void logIn(Supplier<LoginOutcome> outcome) {
        logged(outcome, null).logIn().logIn(new LogInMiniProgramUserCommand(SystemType.DEFAULT,
                new PlatformIdentity(Platform.BAIDU, new OpenId(OPENID),
                Optional.of(new UnionId(UNIONID))), new ProfileData.Sealed("c2VhbGVk", "r7BXXKkLb8qrSNn05n0qiA=="), "0",
                FROM));
    }

    private static LoginUseCases logged(Supplier<LoginOutcome> logIn, Supplier<AuthorizationOutcome> authorize) {
        return new LoggedUseCases(new LoginEventLog()).log(new LoginUseCases(command -> logIn.get(),
                command -> authorize.get(), (token, from) -> new TokenLookup.Invalid(), null, null, null));
    }

    /** A user holding every secret the log must not show. */
    private static User user(long id) {
        return new User(new UserId(id), new PlatformIdentities(Map.of(Platform.BAIDU, OPENID, Platform.WEIXIN, OPENID),
                Map.of(Platform.WEIXIN, UNIONID), ""), UserStatus.NORMAL, TOKEN, "", "n", MOBILE, "", Gender.SECRET, "",
                "", "", 0, "", 0, 0, 0, 0, 100, 0);
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (KeyValuePair pair : event.getKeyValuePairs()) {
            fields.put(pair.key, String.valueOf(pair.value));
        }
        return fields;
    }

    /** The events as the text and the JSON log write them (the jar's logback.xml's formats). */
    private String encoded(ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder) {
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        if (encoder instanceof PatternLayoutEncoder text) {
            text.setPattern(ShippedLogging.TEXT_PATTERN);
        }
        encoder.start();
        StringBuilder written = new StringBuilder();
        for (ILoggingEvent event : events.list) {
            written.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
        return written.toString();
    }
}
