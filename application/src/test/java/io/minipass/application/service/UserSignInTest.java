package io.minipass.application.service;

import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSignInTest {

    @Test
    void a_step_that_keeps_losing_races_is_tried_four_times_then_gives_up() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> UserSignIn.retryingLostRaces(() -> {
            tries.incrementAndGet();
            throw new OpenIdAlreadyClaimedException(Platform.WEIXIN, new OpenId("o-1"));
        })).isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(tries).hasValue(4);
    }

    @Test
    void a_step_that_wins_on_its_last_try_answers() {
        AtomicInteger tries = new AtomicInteger();

        String answer = UserSignIn.retryingLostRaces(() -> {
            if (tries.incrementAndGet() < 4) {
                throw new MobileAlreadyClaimedException();
            }
            return "found the winner";
        });

        assertThat(answer).isEqualTo("found the winner");
        assertThat(tries).hasValue(4);
    }
}
