package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many openids binding one new mobile at the same instant: every one of them first reads that nobody
 * holds it (a barrier holds them until all have read), so only the store's claim can keep the mobile
 * to one user; the losers read again and are told the mobile belongs to another account.
 */
class BindMobileRaceTest {
    private static final String MOBILE = "13800138000";
    private static final int CLIENTS = 16;

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final CyclicBarrier allHaveRead = new CyclicBarrier(CLIENTS);
    private final AtomicInteger reads = new AtomicInteger();
    private final UserDirectory racingReads = new UserDirectory() {
        @Override
        public Optional<User> findLiveByMobile(String mobile) {
            Optional<User> holder = store.findLiveByMobile(mobile);
            if (reads.getAndIncrement() < CLIENTS) {
                try {
                    allHaveRead.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return holder;
        }

        @Override
        public Optional<User> findLiveByOpenId(SystemType systemType, Platform platform, OpenId openId) {
            return store.findLiveByOpenId(systemType, platform, openId);
        }

        @Override
        public Optional<User> findLiveByUnionId(SystemType systemType, Platform platform, UnionId unionId) {
            return store.findLiveByUnionId(systemType, platform, unionId);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return store.findById(id);
        }

        @Override
        public Optional<User> findByNumberCode(String numberCode) {
            return store.findByNumberCode(numberCode);
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return store.findByEmail(email);
        }
    };
    private final VerifyPhoneNumberPort phones = (platform, openId, proof) -> MOBILE;
    private final BindMobileService service = new BindMobileService(phones,
            racingReads, Fixtures.signIn(store, LoginSettings.DEFAULT), Fixtures.referrers(store),
            new ClientIdentities(new InMemoryLoginCodeProofs(), LoginSettings.DEFAULT), Fixtures.tokenProofs(store),
            Fixtures.failedDecryptions(new InMemorySessionKeys()), Fixtures.noBudgets());

    @Test
    void openids_binding_one_new_mobile_at_once_leave_one_user_holding_it_and_refuse_the_others() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Object>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String openId = "o-race-" + i;
                answers.add(pool.submit(() -> {
                    try {
                        return service.bindMobile(new BindMobileCommand(SystemType.DEFAULT,
                                new PlatformIdentity(Platform.WEIXIN, new OpenId(openId),
                                Optional.empty()), new Profile("新用户", "", Gender.SECRET, "", ""), "",
                                new PhoneProof("code", "", ""), ClientAddress.UNKNOWN, ""));
                    } catch (InvalidInputException refused) {
                        return refused.getMessage();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> answer : answers) {
                outcomes.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<LoginOutcome> logins = outcomes.stream()
                    .filter(LoginOutcome.class::isInstance).map(LoginOutcome.class::cast).toList();
            assertThat(logins).hasSize(1);
            LoggedIn winner = (LoggedIn) logins.get(0);
            assertThat(winner.kind()).isEqualTo(LoginKind.REGISTERED);
            assertThat(outcomes).filteredOn(String.class::isInstance)
                    .hasSize(CLIENTS - 1)
                    .containsOnly(BindMobileService.MOBILE_TAKEN);
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.findLiveByMobile(MOBILE)).map(User::id).contains(winner.user().id());
        } finally {
            pool.shutdownNow();
        }
    }
}
