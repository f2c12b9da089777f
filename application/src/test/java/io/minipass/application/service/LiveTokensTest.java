package io.minipass.application.service;

import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A token's age is counted from when this service issued it, else from the user's last write. */
class LiveTokensTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final Duration LIFETIME = Duration.ofSeconds(100);

    private static LiveTokens holding(long issuedAt, long updTime) {
        User user = new User(new UserId(1), PlatformIdentities.NONE, UserStatus.NORMAL, TOKEN, "", "n", "", "",
                Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 1, updTime);
        return new LiveTokens(token -> Optional.of(new TokenHolder(user, issuedAt)), LIFETIME, Fixtures.CLOCK);
    }

    @Test
    void a_token_this_service_issued_ages_from_its_issue_whatever_was_written_since() {
        long issued = Fixtures.NOW - LIFETIME.toSeconds();

        assertThat(holding(issued, Fixtures.NOW).holder(TOKEN)).isEmpty();
        assertThat(holding(issued + 1, Fixtures.NOW).holder(TOKEN)).isPresent();
    }

    @Test
    void a_token_of_unknown_issue_ages_from_the_users_last_write() {
        assertThat(holding(0, Fixtures.NOW - 10).holder(TOKEN)).isPresent();
        assertThat(holding(0, Fixtures.NOW - LIFETIME.toSeconds()).holder(TOKEN)).isEmpty();
    }
}
