package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.Revocation;
import io.minipass.application.port.in.RevokeUserSessionsCommand;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.EvictionReach;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RevokeUserSessionsServiceTest {
    private static final EvictionReach EVERY_NODE = new EvictionReach.EveryNode(2);

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final List<List<Token>> evicted = new ArrayList<>();
    private final EvictTokensPort evictions = tokens -> {
        evicted.add(tokens);
        return EVERY_NODE;
    };
    private final RevokeUserSessionsService service = new RevokeUserSessionsService(store, store, evictions);

    private User loggedIn(long id) {
        User user = Fixtures.user(store, id, Platform.WEIXIN, "o" + id, "", UserStatus.NORMAL);
        return ((LoggedIn) Fixtures.signIn(store, LoginSettings.DEFAULT).logInExisting(user,
                new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN, new OpenId("o" + id),
                        Optional.empty())))).user();
    }

    private TokenLookup resume(String token) {
        return Fixtures.resumeSession(store, Duration.ZERO, Clock.fixed(Instant.ofEpochSecond(Fixtures.NOW),
                ZoneOffset.UTC), Fixtures.noBudgets()).resume(token, ClientAddress.UNKNOWN);
    }

    @Test
    void revoking_by_user_id_clears_the_token_then_evicts_it_everywhere() {
        User user = loggedIn(7);
        User other = loggedIn(8);

        Revocation revocation = service.revoke(new RevokeUserSessionsCommand.ByUserId(user.id()));

        assertThat(revocation).isEqualTo(new Revocation.Revoked(user.id(), 1, EVERY_NODE));
        assertThat(evicted).containsExactly(List.of(new Token(user.token())));
        assertThat(resume(user.token())).isInstanceOf(TokenLookup.Invalid.class);
        assertThat(resume(other.token())).isInstanceOf(TokenLookup.Valid.class);
    }

    @Test
    void revoking_by_openid_finds_the_live_user_holding_it() {
        User user = loggedIn(9);

        Revocation revocation = service.revoke(new RevokeUserSessionsCommand.ByOpenId(SystemType.DEFAULT,
                Platform.WEIXIN, new OpenId("o9")));

        assertThat(revocation).isEqualTo(new Revocation.Revoked(user.id(), 1, EVERY_NODE));
        assertThat(resume(user.token())).isInstanceOf(TokenLookup.Invalid.class);
    }

    @Test
    void an_unknown_user_or_openid_changes_nothing_and_evicts_nothing() {
        User user = loggedIn(10);

        assertThat(service.revoke(new RevokeUserSessionsCommand.ByUserId(new UserId(999))))
                .isEqualTo(new Revocation.UnknownUser());
        assertThat(service.revoke(new RevokeUserSessionsCommand.ByOpenId(SystemType.DEFAULT, Platform.QQ,
                new OpenId("o10")))).as("the openid on another platform").isEqualTo(new Revocation.UnknownUser());
        assertThat(evicted).isEmpty();
        assertThat(resume(user.token())).isInstanceOf(TokenLookup.Valid.class);
    }

    @Test
    void a_user_without_a_token_is_revoked_with_nothing_cleared() {
        User user = Fixtures.user(store, 11, Platform.WEIXIN, "o11", "", UserStatus.NORMAL);

        assertThat(service.revoke(new RevokeUserSessionsCommand.ByUserId(user.id())))
                .isEqualTo(new Revocation.Revoked(user.id(), 0, EVERY_NODE));
    }
}
