package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiResult;
import io.minipass.adapters.web.WebAppFixture;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class LoginOutcomeAnswersTest {
    private static final String BASE = "https://shop.example.com";

    private final UserViewMapper views = new UserViewMapper(WebAppFixture.defaultSettings());
    private final LoginOutcomeAnswers answers = new LoginOutcomeAnswers(views);

    @ParameterizedTest
    @EnumSource(LoginKind.class)
    void answersALoggedInUserAsTheViewWithTheRoutesMessage(LoginKind kind) {
        User user = user(42, "o1", UserStatus.NORMAL);

        ApiResult result = answers.answer(new LoginOutcome.LoggedIn(user, kind), BASE, "授权登录成功", Map.of());

        assertThat(result.msg()).isEqualTo("授权登录成功");
        assertThat(result.code()).isZero();
        assertThat(result.data()).isEqualTo(views.view(user, BASE));
    }

    @Test
    void appendsTheExtraFieldsAfterTheView() {
        User user = user(42, "o1", UserStatus.NORMAL);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("is_user_exist", 1);
        extra.put("z_last", "z");

        ApiResult result = answers.answer(new LoginOutcome.LoggedIn(user, LoginKind.RETURNING), BASE, "ok", extra);

        List<String> fields = new ArrayList<>(UserViewMapperTest.SEED_FIELDS);
        fields.addAll(List.of("is_user_exist", "z_last"));
        assertThat(List.copyOf(data(result).keySet())).isEqualTo(fields);
        assertThat(data(result)).contains(entry("id", "42"), entry("is_user_exist", 1), entry("z_last", "z"));
    }

    @ParameterizedTest
    @CsvSource({"BANNED, -110, 用户被禁止登录", "AWAITING_AUDIT, -110, 用户等待审核中", "UNKNOWN_STATUS, -110, 用户状态有误",
            "NOT_AUDITED, -301, 用户待审核"})
    void answersARefusalWithItsCodeAndNoData(LoginRefusal refusal, int code, String msg) {
        ApiResult result = answers.answer(new LoginOutcome.Refused(refusal, new io.minipass.domain.user.UserId(1)), BASE, "ok", Map.of("is_user_exist", 1));

        assertThat(result).isEqualTo(new ApiResult(msg, code, List.of()));
        assertThat(LoginOutcomeAnswers.refusal(refusal)).isEqualTo(result);
    }

    @Test
    void answersANewcomerWaitingForAuditAsRefused() {
        ApiResult result = answers.answer(new LoginOutcome.RegisteredAwaitingAudit(user(42, "o1", UserStatus.AWAITING_AUDIT)),
                BASE, "ok", Map.of());

        assertThat(result).isEqualTo(new ApiResult("用户等待审核中", -110, List.of()));
    }

    @Test
    void answersAUserWhoMustBindAMobileFirstAsTheUnsavedProfile() {
        ProvisionalUser user = new ProvisionalUser(new PlatformIdentity(Platform.WEIXIN, new OpenId("o1"),
                Optional.empty()), new Profile("Tom", "", Gender.MALE, "", ""), 0);

        ApiResult result = answers.answer(new LoginOutcome.MobileBindingRequired(user), BASE, "授权成功", Map.of());

        assertThat(result.msg()).isEqualTo("授权成功");
        assertThat(result.code()).isZero();
        assertThat(result.data()).isEqualTo(views.provisionalView(user, BASE));
    }

    @Test
    void refusesToAnswerNothing() {
        assertThatThrownBy(() -> answers.answer(null, BASE, "ok", Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(ApiResult result) {
        return (Map<String, Object>) result.data();
    }
}
