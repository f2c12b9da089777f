package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeSessionServiceTest {
    private final InMemoryUserStore store = new InMemoryUserStore();

    private ResumeSessionService at(long now, Duration lifetime) {
        return Fixtures.resumeSession(store, lifetime, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC),
                Fixtures.noBudgets());
    }

    private User loggedIn(long id) {
        User user = Fixtures.user(store, id, Platform.WEIXIN, "o" + id, "", UserStatus.NORMAL);
        return ((LoggedIn) Fixtures.signIn(store, LoginSettings.DEFAULT).logInExisting(user,
                new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN, new OpenId("o" + id),
                        Optional.empty())))).user();
    }

    @Test
    void a_current_token_resumes_its_user() {
        User user = loggedIn(1);

        assertThat(at(Fixtures.NOW + 10, Duration.ofDays(30)).resume(user.token(), ClientAddress.UNKNOWN)).isEqualTo(new TokenLookup.Valid(user));
    }

    @Test
    void a_replaced_unknown_or_empty_token_is_invalid() {
        User first = loggedIn(2);
        loggedIn(2);
        ResumeSessionService service = at(Fixtures.NOW, Duration.ofDays(30));

        assertThat(service.resume(first.token(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(service.resume("0123456789abcdef0123456789abcdef", ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(service.resume("", ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(service.resume(null, ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(service.resume("x".repeat(61), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(service.resume(first.token().toUpperCase(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
    }

    @Test
    void a_token_expires_after_its_lifetime_unless_the_lifetime_is_zero() {
        User user = loggedIn(3);
        long lifetime = Duration.ofDays(30).toSeconds();

        assertThat(at(Fixtures.NOW + lifetime - 1, Duration.ofDays(30)).resume(user.token(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Valid.class);
        assertThat(at(Fixtures.NOW + lifetime, Duration.ofDays(30)).resume(user.token(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(at(Fixtures.NOW + 10 * lifetime, Duration.ZERO).resume(user.token(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Valid.class);
    }

    @Test
    void a_banned_or_deleted_user_cannot_resume() {
        User banned = loggedIn(4);
        store.setStatus(banned.id(), UserStatus.BANNED);
        User deleted = loggedIn(5);
        store.softDelete(deleted.id(), Fixtures.NOW);
        ResumeSessionService service = at(Fixtures.NOW, Duration.ofDays(30));

        assertThat(service.resume(banned.token(), ClientAddress.UNKNOWN)).isEqualTo(new TokenLookup.Refused(LoginRefusal.BANNED));
        assertThat(service.resume(deleted.token(), ClientAddress.UNKNOWN)).isInstanceOf(TokenLookup.Invalid.class);
    }
}
