package io.minipass.application.testing;

import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every adapter of the user ports must do. Each adapter's test extends this and supplies
 * a fresh, empty store per test.
 */
public abstract class UserStoreContractTest {
    protected UserStoreUnderTest store;

    protected abstract UserStoreUnderTest freshStore();

    @BeforeEach
    void setUpStore() {
        store = freshStore();
    }

    protected static OpenId uniqueOpenId() {
        return new OpenId("o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27));
    }

    protected static NewUser newUser(Platform platform, OpenId openId) {
        return NewUsers.newcomer(platform, openId, Optional.empty(),
                new Profile("ShopXO@纵之格", "https://thirdwx.qlogo.cn/a/132", Gender.MALE, "广东", "深圳"),
                "", 0, UserStatus.NORMAL, "0123456789abcdef0123456789abcdef", 1_637_555_366L);
    }

    /** Who logs in with this openid, of the default system type, without a unionid. */
    protected static LoginIdentity identity(Platform platform, OpenId openId) {
        return new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(platform, openId, Optional.empty()));
    }

    /** The identity a registered user holds on this platform. */
    protected static LoginIdentity identityOf(User user, Platform platform) {
        return identity(platform, new OpenId(user.identities().openId(platform)));
    }

    /** A WeChat newcomer with a verified mobile, as one-tap binding registers it. */
    protected static NewUser newUserWithMobile(OpenId openId, String mobile) {
        return NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                new Profile("手机用户", "", Gender.SECRET, "", ""), mobile, 0, UserStatus.NORMAL,
                "0123456789abcdef0123456789abcdef", 1_637_555_366L);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void registered_user_is_found_by_its_openid_with_everything_stored(Platform platform) {
        OpenId openId = uniqueOpenId();
        NewUser wanted = NewUsers.newcomer(platform, openId,
                platform.hasUnionId() ? Optional.of(new UnionId("u-" + openId.value())) : Optional.empty(),
                new Profile("昵称😀", "https://a.example/x.png?a=1&b=2", Gender.FEMALE, "省", "市"),
                "", 7, UserStatus.NORMAL, "fedcba9876543210fedcba9876543210", 1_700_000_000L);

        User registered = store.accounts().register(wanted);
        User found = store.directory().findLiveByOpenId(SystemType.DEFAULT, platform, openId).orElseThrow();

        assertThat(found).isEqualTo(registered);
        assertThat(found.id().value()).isPositive();
        assertThat(found.identities().openId(platform)).isEqualTo(openId.value());
        assertThat(found.identities().unionId(platform)).isEqualTo(wanted.unionId().map(UnionId::value).orElse(""));
        assertThat(found.nickname()).isEqualTo("昵称😀");
        assertThat(found.avatar()).isEqualTo("https://a.example/x.png?a=1&b=2");
        assertThat(found.gender()).isEqualTo(Gender.FEMALE);
        assertThat(found.province()).isEqualTo("省");
        assertThat(found.city()).isEqualTo("市");
        assertThat(found.referrer()).isEqualTo(7);
        assertThat(found.status()).isEqualTo(UserStatus.NORMAL);
        assertThat(found.token()).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(found.addTime()).isEqualTo(1_700_000_000L);
        assertThat(found.updTime()).isZero();
        assertThat(found.deleteTime()).isZero();
    }

    @Test
    void openid_look_up_is_exact() {
        OpenId openId = new OpenId("oB6US5SNOngn196qzb3lagEBTh6w");
        store.accounts().register(newUser(Platform.WEIXIN, openId));

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN,
                new OpenId("ob6us5snongn196qzb3lageBth6w"))).isEmpty();
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN,
                new OpenId("OB6US5SNONGN196QZB3LAGEBTH6W"))).isEmpty();
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN,
                new OpenId("oB6US5SNOngn196qzb3lagEBTh6"))).isEmpty();
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, openId)).isEmpty();
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).isPresent();
    }

    @Test
    protected void openid_stored_with_trailing_space_by_another_program_is_not_matched() {
        User legacy = store.insertDirectly(userRow(Platform.WEIXIN, "legacyOpenid ", ""));

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("legacyOpenid")))
                .as("user %s", legacy.id()).isEmpty();
    }

    @Test
    void user_written_by_another_program_is_found_and_its_openid_cannot_be_registered_again() {
        User legacy = store.insertDirectly(userRow(Platform.WEIXIN, "legacyOpenid1", ""));
        OpenId openId = new OpenId("legacyOpenid1");

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN,
                openId)).map(User::id).contains(legacy.id());
        assertThatThrownBy(() -> store.accounts().register(newUser(Platform.WEIXIN, openId)))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(store.countUsers()).isEqualTo(1);
    }

    @Test
    void second_registration_of_a_live_openid_is_refused_and_stores_nothing() {
        OpenId openId = uniqueOpenId();
        store.accounts().register(newUser(Platform.WEIXIN, openId));

        assertThatThrownBy(() -> store.accounts().register(newUser(Platform.WEIXIN, openId)))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(store.countUsers()).isEqualTo(1);
    }

    @Test
    void the_same_openid_on_another_platform_is_another_identity() {
        OpenId openId = uniqueOpenId();
        User weixin = store.accounts().register(newUser(Platform.WEIXIN, openId));
        User qq = store.accounts().register(newUser(Platform.QQ, openId));

        assertThat(qq.id()).isNotEqualTo(weixin.id());
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void soft_deleted_user_is_not_found_and_its_openid_registers_a_new_user(Platform platform) {
        OpenId openId = uniqueOpenId();
        User first = store.accounts().register(newUser(platform, openId));
        store.softDelete(first.id(), 1_700_000_100L);

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, platform, openId)).isEmpty();
        User second = store.accounts().register(newUser(platform, openId));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, platform,
                openId)).map(User::id).contains(second.id());
        assertThat(store.directory().findById(first.id())).get().extracting(User::deleteTime).isEqualTo(1_700_000_100L);
    }

    @Test
    void unionid_look_up_stays_on_its_platform_and_skips_deleted_users() {
        UnionId unionId = new UnionId("o1Ang5xo5tiJD-l7Y1kY7-hT6emk");
        User weixin = store.accounts().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.of(unionId),
                Profile.EMPTY, "", 0, UserStatus.NORMAL, "", 1L));

        assertThat(store.directory().findLiveByUnionId(SystemType.DEFAULT, Platform.WEIXIN,
                unionId)).map(User::id).contains(weixin.id());
        assertThat(store.directory().findLiveByUnionId(SystemType.DEFAULT, Platform.QQ, unionId)).isEmpty();
        assertThat(store.directory().findLiveByUnionId(SystemType.DEFAULT, Platform.WEIXIN,
                new UnionId("o1ang5xo5tijd-l7y1ky7-ht6emk"))).isEmpty();

        store.softDelete(weixin.id(), 2L);
        assertThat(store.directory().findLiveByUnionId(SystemType.DEFAULT, Platform.WEIXIN, unionId)).isEmpty();
    }

    @Test
    void binding_an_openid_makes_the_user_findable_by_it_with_the_new_token() {
        User user = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));
        OpenId second = uniqueOpenId();

        User bound = store.accounts().bindOpenId(user, identity(Platform.QQ, second),
                new Token("11111111111111111111111111111111"),
                1_800_000_000L);

        User found = store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, second).orElseThrow();
        assertThat(found.id()).isEqualTo(user.id());
        assertThat(found.token()).isEqualTo("11111111111111111111111111111111");
        assertThat(found).isEqualTo(bound);
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, identityOf(user,
                Platform.WEIXIN).openId()))
                .map(User::id).contains(user.id());
    }

    @Test
    void binding_an_openid_another_live_user_holds_is_refused_and_changes_nothing() {
        OpenId taken = uniqueOpenId();
        User holder = store.accounts().register(newUser(Platform.WEIXIN, taken));
        User other = store.accounts().register(newUser(Platform.QQ, uniqueOpenId()));
        User before = store.directory().findById(other.id()).orElseThrow();

        assertThatThrownBy(() -> store.accounts().bindOpenId(other, identity(Platform.WEIXIN, taken),
                new Token("22222222222222222222222222222222"), 5L))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(store.directory().findById(other.id())).contains(before);
        assertThat(store.tokens().findLiveByToken(new Token("22222222222222222222222222222222"))).isEmpty();
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN,
                taken)).map(User::id).contains(holder.id());
    }

    @Test
    void issuing_a_token_replaces_the_previous_one() {
        OpenId openId = uniqueOpenId();
        User user = store.accounts().register(newUser(Platform.WEIXIN, openId));

        User issued = store.accounts().issueToken(user, identity(Platform.WEIXIN, openId),
                new Token("33333333333333333333333333333333"), 1_900_000_000L);

        User found = store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId).orElseThrow();
        assertThat(found.token()).isEqualTo("33333333333333333333333333333333");
        assertThat(found).isEqualTo(issued);
        assertThat(found.nickname()).isEqualTo(user.nickname());
        assertThat(store.tokens().findLiveByToken(new Token(user.token()))).isEmpty();
    }

    @Test
    void revoking_a_users_tokens_clears_them_and_answers_them_leaving_other_users_logged_in() {
        User user = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));
        OpenId otherOpenId = uniqueOpenId();
        User other = store.accounts().register(newUser(Platform.WEIXIN, otherOpenId));
        other = store.accounts().issueToken(other, identity(Platform.WEIXIN, otherOpenId),
                new Token("44444444444444444444444444444444"), 1_900_000_000L);

        assertThat(store.revokeTokens().revokeTokens(user.id())).containsExactly(new Token(user.token()));

        assertThat(store.tokens().findLiveByToken(new Token(user.token()))).isEmpty();
        assertThat(store.directory().findById(user.id()).orElseThrow().token()).isEmpty();
        assertThat(store.tokens().findLiveByToken(new Token(other.token()))).map(holder -> holder.user().id())
                .contains(other.id());
        assertThat(store.revokeTokens().revokeTokens(user.id())).as("nothing left to revoke").isEmpty();
    }

    @Test
    void revoking_the_tokens_of_no_such_user_clears_nothing() {
        User user = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));

        assertThat(store.revokeTokens().revokeTokens(new UserId(user.id().value() + 1000))).isEmpty();
        assertThat(store.tokens().findLiveByToken(new Token(user.token()))).isPresent();
    }

    @Test
    void a_token_issued_to_a_user_loaded_before_another_login_replaces_the_token_they_hold_now() {
        OpenId openId = uniqueOpenId();
        User loaded = store.accounts().register(newUser(Platform.WEIXIN, openId));
        store.accounts().issueToken(loaded, identity(Platform.WEIXIN, openId),
                new Token("66666666666666666666666666666666"), 3L);

        store.accounts().issueToken(loaded, identity(Platform.WEIXIN, openId),
                new Token("77777777777777777777777777777777"), 4L);

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).map(User::token)
                .contains("77777777777777777777777777777777");
        assertThat(store.tokens().findLiveByToken(new Token("66666666666666666666666666666666"))).isEmpty();
        assertThat(store.tokens().findLiveByToken(new Token("77777777777777777777777777777777")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(4L));
    }

    @Test
    void status_written_by_another_program_is_read_as_it_is_now() {
        OpenId openId = uniqueOpenId();
        User user = store.accounts().register(newUser(Platform.WEIXIN, openId));

        store.setStatus(user.id(), UserStatus.BANNED);

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).get()
                .extracting(User::status).isEqualTo(UserStatus.BANNED);
    }

    @Test
    void mobile_look_up_is_exact_and_skips_deleted_users() {
        User user = store.accounts().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(),
                Profile.EMPTY, "13800138000", 0, UserStatus.NORMAL, "", 1L));

        assertThat(store.directory().findLiveByMobile("13800138000")).map(User::id).contains(user.id());
        assertThat(store.directory().findLiveByMobile("1380013800")).isEmpty();
        assertThat(store.directory().findLiveByMobile("")).isEmpty();
        store.softDelete(user.id(), 9L);
        assertThat(store.directory().findLiveByMobile("13800138000")).isEmpty();
    }

    @Test
    void binding_a_mobile_sets_it_with_the_new_token() {
        OpenId openId = uniqueOpenId();
        User user = store.accounts().register(newUser(Platform.WEIXIN, openId));

        User bound = store.accounts().bindMobile(user, identity(Platform.WEIXIN, openId), "13900139000",
                new Token("44444444444444444444444444444444"), 1_950_000_000L);

        User found = store.directory().findLiveByMobile("13900139000").orElseThrow();
        assertThat(found.id()).isEqualTo(user.id());
        assertThat(found.updTime()).isEqualTo(1_950_000_000L);
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).contains(bound);
        assertThat(bound.mobile()).isEqualTo("13900139000");
        assertThat(bound.token()).isEqualTo("44444444444444444444444444444444");
        assertThat(store.tokens().findLiveByToken(new Token("44444444444444444444444444444444")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(1_950_000_000L));
    }

    @Test
    void token_look_up_is_exact_and_knows_when_we_issued_it() {
        User user = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));

        assertThat(store.tokens().findLiveByToken(new Token(user.token())))
                .hasValueSatisfying(holder -> {
                    assertThat(holder.user().id()).isEqualTo(user.id());
                    assertThat(holder.issuedAt()).isEqualTo(user.addTime());
                });
        assertThat(store.tokens().findLiveByToken(new Token(user.token().toUpperCase()))).isEmpty();
        assertThat(Token.fromClient("")).as("an empty token is no token: nothing to look up").isEmpty();
        store.accounts().issueToken(user, identityOf(user, Platform.WEIXIN),
                new Token("55555555555555555555555555555555"), 2L);
        assertThat(store.tokens().findLiveByToken(new Token(user.token()))).isEmpty();
    }

    @Test
    void email_look_up_is_exact_and_finds_a_deleted_user_too_for_the_referral_rules_to_judge() {
        User legacy = store.insertDirectly(userRowWithEmail("legacyEmailOpenid", "shop.owner@example.com"));

        assertThat(store.directory().findByEmail("shop.owner@example.com")).map(User::id).contains(legacy.id());
        assertThat(store.directory().findByEmail("SHOP.OWNER@example.com")).isEmpty();
        assertThat(store.directory().findByEmail("")).isEmpty();
        store.softDelete(legacy.id(), 5L);
        assertThat(store.directory().findByEmail("shop.owner@example.com")).map(User::deleteTime).contains(5L);
    }

    @Test
    void unknown_id_is_not_found() {
        assertThat(store.directory().findById(new UserId(987_654))).isEmpty();
    }

    @Test
    void many_concurrent_registrations_of_one_openid_store_exactly_one_user() throws Exception {
        OpenId openId = uniqueOpenId();
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<User>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Optional<User>> attempt = () -> {
                    start.await();
                    try {
                        return Optional.of(store.accounts().register(newUser(Platform.WEIXIN, openId)));
                    } catch (OpenIdAlreadyClaimedException lost) {
                        return Optional.empty();
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            long winners = 0;
            for (Future<Optional<User>> result : results) {
                if (result.get(60, TimeUnit.SECONDS).isPresent()) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.countUsers()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registering_a_second_live_user_with_a_held_mobile_is_refused_and_stores_nothing() {
        User holder = store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138001"));
        OpenId second = uniqueOpenId();

        assertThatThrownBy(() -> store.accounts().register(newUserWithMobile(second, "13800138001")))
                .isInstanceOf(MobileAlreadyClaimedException.class)
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("13800138001"));
        assertThat(store.countUsers()).isEqualTo(1);
        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, second)).isEmpty();
        assertThat(store.directory().findLiveByMobile("13800138001")).map(User::id).contains(holder.id());
    }

    @Test
    void binding_a_mobile_another_live_user_holds_is_refused_and_changes_nothing() {
        User holder = store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138002"));
        User other = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));
        User before = store.directory().findById(other.id()).orElseThrow();

        assertThatThrownBy(() -> store.accounts().bindMobile(other, identityOf(other, Platform.WEIXIN), "13800138002",
                new Token("66666666666666666666666666666666"), 1_960_000_000L))
                .isInstanceOf(MobileAlreadyClaimedException.class);
        assertThat(store.directory().findById(other.id())).contains(before);
        assertThat(store.tokens().findLiveByToken(new Token("66666666666666666666666666666666"))).isEmpty();
        assertThat(store.directory().findLiveByMobile("13800138002")).map(User::id).contains(holder.id());
    }

    @Test
    void a_user_may_bind_the_mobile_it_already_holds() {
        User holder = store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138003"));

        store.accounts().bindMobile(holder, identityOf(holder, Platform.WEIXIN), "13800138003",
                new Token("77777777777777777777777777777777"), 1_960_000_001L);

        assertThat(store.tokens().findLiveByToken(new Token("77777777777777777777777777777777")))
                .map(found -> found.user().id()).contains(holder.id());
        assertThat(store.directory().findLiveByMobile("13800138003")).map(User::id).contains(holder.id());
    }

    @Test
    void the_mobile_of_a_soft_deleted_user_can_be_registered_and_bound_again() {
        User first = store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138004"));
        store.softDelete(first.id(), 1_700_000_100L);

        User second = store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138004"));
        assertThat(store.directory().findLiveByMobile("13800138004")).map(User::id).contains(second.id());

        store.softDelete(second.id(), 1_700_000_200L);
        User third = store.accounts().register(newUser(Platform.QQ, uniqueOpenId()));
        store.accounts().bindMobile(third, identityOf(third, Platform.QQ), "13800138004",
                new Token("88888888888888888888888888888888"), 1_700_000_300L);
        assertThat(store.directory().findLiveByMobile("13800138004")).map(User::id).contains(third.id());
    }

    @Test
    void a_mobile_another_program_stored_without_a_claim_is_refused() {
        User legacy = store.insertDirectly(userRowWithMobile("legacyMobileOpenid", "13800138005"));
        User other = store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId()));
        User before = store.directory().findById(other.id()).orElseThrow();

        assertThatThrownBy(() -> store.accounts().register(newUserWithMobile(uniqueOpenId(), "13800138005")))
                .isInstanceOf(MobileAlreadyClaimedException.class);
        assertThatThrownBy(() -> store.accounts().bindMobile(other, identityOf(other, Platform.WEIXIN), "13800138005",
                new Token("99999999999999999999999999999999"), 1_960_000_002L))
                .isInstanceOf(MobileAlreadyClaimedException.class);
        assertThat(store.countUsers()).isEqualTo(2);
        assertThat(store.directory().findById(other.id())).contains(before);
        assertThat(store.directory().findLiveByMobile("13800138005")).map(User::id).contains(legacy.id());
    }

    @Test
    void many_concurrent_registrations_of_one_new_mobile_store_exactly_one_user_with_it() throws Exception {
        List<Optional<User>> results = registerConcurrentlyWithMobile(16, "13800138006");

        List<User> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(store.countUsers()).isEqualTo(1);
        assertThat(store.directory().findLiveByMobile("13800138006")).map(User::id).contains(winners.get(0).id());
    }

    @Test
    void many_concurrent_bindings_of_one_mobile_give_it_to_exactly_one_user() throws Exception {
        int clients = 16;
        List<User> users = new ArrayList<>();
        List<User> before = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(store.accounts().register(newUser(Platform.WEIXIN, uniqueOpenId())));
            before.add(store.directory().findById(users.get(i).id()).orElseThrow());
        }

        List<Boolean> bound = concurrently(clients, i -> () -> {
            try {
                store.accounts().bindMobile(users.get(i), identityOf(users.get(i), Platform.WEIXIN), "13800138007",
                        new Token("%032d".formatted(i)), 1_960_000_003L);
                return true;
            } catch (MobileAlreadyClaimedException lost) {
                return false;
            }
        });

        assertThat(bound).containsOnlyOnce(true);
        User winner = users.get(bound.indexOf(true));
        assertThat(store.directory().findLiveByMobile("13800138007")).map(User::id).contains(winner.id());
        for (User user : before) {
            if (!user.id().equals(winner.id())) {
                assertThat(store.directory().findById(user.id())).as("loser %s", user.id()).contains(user);
            }
        }
    }

    /** Registers one different WeChat openid per client, all with the same mobile at the same instant; empty for a refusal. */
    protected List<Optional<User>> registerConcurrentlyWithMobile(int clients, String mobile) throws Exception {
        return concurrently(clients, i -> () -> {
            try {
                return Optional.of(store.accounts().register(newUserWithMobile(uniqueOpenId(), mobile)));
            } catch (MobileAlreadyClaimedException lost) {
                return Optional.empty();
            }
        });
    }

    /** Runs one task per client, all released at once; their results in client order. Any other failure fails the test. */
    protected static <T> List<T> concurrently(int clients, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A live WeChat user as another program would write it, holding a mobile it never claimed with us. */
    protected static User userRowWithMobile(String openId, String mobile) {
        return new User(new UserId(500 + (long) (Math.random() * 10_000)),
                new PlatformIdentities(Map.of(Platform.WEIXIN, openId), Map.of(), ""),
                UserStatus.NORMAL, "", "", "legacy", mobile, "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 1L, 0);
    }

    /** A live WeChat user as another program would write it, with an email. */
    protected static User userRowWithEmail(String openId, String email) {
        return new User(new UserId(500 + (long) (Math.random() * 10_000)),
                new PlatformIdentities(Map.of(Platform.WEIXIN, openId), Map.of(), ""),
                UserStatus.NORMAL, "", "", "legacy", "", email, Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 1L, 0);
    }

    /** A row as another program would write it, with the given openid and unionid on one platform. */
    protected static User userRow(Platform platform, String openId, String unionId) {
        return new User(new UserId(500 + (long) (Math.random() * 10_000)),
                new PlatformIdentities(Map.of(platform, openId), unionId.isEmpty() ? Map.of() : Map.of(platform, unionId), ""),
                UserStatus.NORMAL, "", "", "legacy", "", "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 1L, 0);
    }
}
