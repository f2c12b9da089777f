package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An address whose failed-look-up budget junk has spent (docs/security.md#attempt-budgets): the real users behind
 * it keep getting their tokens answered, the junk stays cheap. Built as the server builds it, with the default
 * lane; the store has no token cache, so every look-up the service makes is counted.
 */
class SpentTokenLookupBudgetTest {
    private static final int BUDGET = 300;
    private static final ClientAddress SHARED = new ClientAddress("203.0.113.7");

    private final AtomicInteger lookups = new AtomicInteger();
    private final InMemoryUserStore store = new InMemoryUserStore() {
        @Override
        public synchronized Optional<TokenHolder> findLiveByToken(Token token) {
            lookups.incrementAndGet();
            return super.findLiveByToken(token);
        }
    };
    private final ResumeSessionUseCase sessions = LoginUseCases.create(store.ports(),
            new LoginUseCases.PlatformPorts(null, null, null),
            new LoginUseCases.StatePorts(new InMemorySessionKeys(), new InMemoryLoginCodeProofs(),
                    new InMemoryAttemptCounter(Fixtures.CLOCK), new InMemoryVerifiedMobiles()),
            LoginSettings.DEFAULT, Map.of(Attempt.FAILED_TOKEN_LOOKUP, new Budget(BUDGET, 0,
                    Duration.ofMinutes(1))), SuspectLane.Limit.TOKEN_LOOKUPS,
            Duration.ZERO, Fixtures.CLOCK).resumeSession();

    @Test
    void a_valid_token_keeps_answering_from_an_address_junk_has_spent() {
        User user = loggedIn();
        spendTheBudget();

        TokenLookup lookup = sessions.resume(user.token(), SHARED);

        assertThat(lookup).isInstanceOfSatisfying(TokenLookup.Valid.class,
                valid -> assertThat(valid.user().id()).isEqualTo(user.id()));
    }

    @Test
    void once_spent_a_token_not_shaped_like_an_issued_one_is_refused_without_a_look_up() {
        spendTheBudget();
        int before = lookups.get();

        for (String junk : new String[]{"x", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdefg",
                "g123456789abcdef0123456789abcdef", "' OR 1=1 --"}) {
            assertThatThrownBy(() -> sessions.resume(junk, SHARED)).as(junk).isInstanceOf(OverBudgetException.class);
        }
        assertThat(lookups.get()).isEqualTo(before);
    }

    @Test
    void once_spent_well_shaped_junk_is_looked_up_only_as_far_as_the_service_wide_lane_lets_it() {
        spendTheBudget();
        int before = lookups.get();
        int refused = 0;
        for (int guess = 0; guess < 200; guess++) {
            try {
                assertThat(sessions.resume("%032x".formatted(BUDGET + guess), SHARED)).isInstanceOf(TokenLookup.Invalid.class);
            } catch (OverBudgetException overBudget) {
                refused++;
            }
        }

        assertThat(lookups.get() - before).as("look-ups for 200 junk tokens once spent").isEqualTo(50);
        assertThat(refused).isEqualTo(150);
        assertThat(sessions.resume("%032x".formatted(1), new ClientAddress("198.51.100.1")))
                .as("another address still has its budget").isInstanceOf(TokenLookup.Invalid.class);
    }

    private void spendTheBudget() {
        for (int guess = 0; guess < BUDGET; guess++) {
            assertThat(sessions.resume("%032x".formatted(guess), SHARED)).isInstanceOf(TokenLookup.Invalid.class);
        }
        assertThatThrownBy(() -> sessions.resume("junk", SHARED)).isInstanceOf(OverBudgetException.class);
    }

    private User loggedIn() {
        User user = Fixtures.user(store, 1, Platform.WEIXIN, "o1", "", UserStatus.NORMAL);
        return ((LoggedIn) Fixtures.signIn(store, LoginSettings.DEFAULT).logInExisting(user,
                new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN, new OpenId("o1"),
                        Optional.empty())))).user();
    }
}
