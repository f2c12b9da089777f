package io.minipass.adapters.persistence;

import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.testing.NewUsers;
import io.minipass.application.testing.UserStoreContractTest;
import io.minipass.application.testing.UserStoreUnderTest;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared user-store contract plus what only a database adapter has (tokens, claims, our own
 * tables, migrations, prefixes), run by each database's {@code *AdapterTest}. Each test class gets
 * a database of its own; each test starts with its tables emptied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserColumnsStoreAdapterContract extends UserStoreContractTest {
    static final String PREFIX = "sxo_";

    protected TestDatabase database;
    protected MyBatisPersistence persistence;
    protected DirectUserTable table;

    /** A new, empty database; the test that asks for it drops it. */
    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() {
        database = newDatabase();
        persistence = MyBatisPersistence.open(database.settings(PREFIX));
        table = new DirectUserTable(database, PREFIX);
    }

    @AfterAll
    void dropDatabase() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Override
    protected UserStoreUnderTest freshStore() {
        table.deleteAllRows();
        return new ShopUserStoreUnderTest(persistence.userStore(), table);
    }

    private ShopUserStore users() {
        return persistence.userStore();
    }

    private static NewUser newUser(Platform platform, OpenId openId, String token, long now) {
        return NewUsers.newcomer(platform, openId, Optional.empty(), new Profile("n", "", Gender.SECRET, "", ""),
                "", 0, UserStatus.NORMAL, token, now);
    }

    @Test
    void token_look_up_is_exact_and_tells_when_this_service_issued_the_token() {
        String token = "abcdef0123456789abcdef0123456789";
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), token, 1_700_000_000L));

        assertThat(users().findLiveByToken(new Token(token))).contains(new TokenHolder(user, 1_700_000_000L));
        assertThat(users().findLiveByToken(new Token(token.toUpperCase()))).isEmpty();
        assertThat(Token.fromClient(token + " ")).as("a space is no part of a token: never looked up").isEmpty();
        assertThat(users().findLiveByToken(new Token(token.substring(1)))).isEmpty();
    }

    /**
     * Profile text is cut to its column's length in code points (Profile, TextFit); every column must
     * then hold it, on H2 (which counts UTF-16 units) as on MySQL/MariaDB utf8mb4 (which counts characters).
     */
    @Test
    void four_byte_characters_fit_every_text_column_a_registration_fills_at_its_limit() {
        String nickname = "😀".repeat(Profile.NICKNAME_MAX);
        String province = "𠮷".repeat(Profile.PLACE_MAX);
        String city = "🏙".repeat(Profile.PLACE_MAX);
        String avatarHost = "https://cdn.example.com/";
        String avatar = avatarHost + "🖼".repeat(Profile.AVATAR_MAX - avatarHost.length());
        OpenId openId = new OpenId("o".repeat(60));
        UnionId unionId = new UnionId("u".repeat(60));
        Profile profile = new Profile(nickname + "😀😀", avatar, Gender.FEMALE, province + "𠮷", city + "🏙");

        User user = users().register(NewUsers.newcomer(Platform.QQ, openId, Optional.of(unionId), profile,
                "13700137099", 0, UserStatus.NORMAL, "abcdef0123456789abcdef0123456789", 1L));

        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, openId)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(user.id());
            assertThat(found.nickname()).isEqualTo(nickname);
            assertThat(found.avatar()).isEqualTo(avatar);
            assertThat(found.province()).isEqualTo(province);
            assertThat(found.city()).isEqualTo(city);
            assertThat(found.identities().unionId(Platform.QQ)).isEqualTo(unionId.value());
        });
    }

    @Test
    void forty_emoji_of_a_nickname_are_kept_whole() {
        String nickname = "😀".repeat(40);
        OpenId openId = uniqueOpenId();

        users().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                new Profile(nickname, "", Gender.SECRET, "", ""), "", 0, UserStatus.NORMAL, "", 1L));

        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).map(User::nickname).contains(nickname);
    }

    @Test
    void an_empty_token_matches_nobody() {
        store.insertDirectly(userRow(Platform.WEIXIN, "noTokenUser", ""));
        users().register(newUser(Platform.QQ, uniqueOpenId(), "", 5L));

        assertThat(Token.fromClient("")).as("an empty token is none: never looked up").isEmpty();
        assertThat(Token.fromClient(null)).isEmpty();
    }

    @Test
    void revoking_empties_the_token_shopxo_itself_issued_and_leaves_the_rest_of_the_row() {
        User row = userRow(Platform.WEIXIN, "shopxoIssued", "");
        User user = store.insertDirectly(row.withToken("ffffffffffffffffffffffffffffffff", row.updTime()));
        String before = table.queryText("SELECT CONCAT(upd_time, '|', nickname) FROM sxo_user WHERE id = ?",
                user.id().value());

        assertThat(users().revokeTokens(user.id())).containsExactly(new Token("ffffffffffffffffffffffffffffffff"));

        assertThat(table.queryText("SELECT token FROM sxo_user WHERE id = ?", user.id().value())).isEmpty();
        assertThat(table.queryText("SELECT CONCAT(upd_time, '|', nickname) FROM sxo_user WHERE id = ?",
                user.id().value())).isEqualTo(before);
        assertThat(users().findLiveByToken(new Token("ffffffffffffffffffffffffffffffff"))).isEmpty();
    }

    @Test
    void a_replaced_token_no_longer_finds_the_user() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "11111111111111111111111111111111", 10L));

        users().issueToken(user, identityOf(user, Platform.WEIXIN), new Token("22222222222222222222222222222222"), 20L);

        assertThat(users().findLiveByToken(new Token("11111111111111111111111111111111"))).isEmpty();
        assertThat(users().findLiveByToken(new Token("22222222222222222222222222222222")))
                .hasValueSatisfying(holder -> {
                    assertThat(holder.user().id()).isEqualTo(user.id());
                    assertThat(holder.issuedAt()).isEqualTo(20L);
                });
    }

    @Test
    void a_token_shopxo_issued_is_found_with_an_unknown_issue_time() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "33333333333333333333333333333333", 30L));
        table.setToken(user.id(), "shopxo-md5-token");

        assertThat(users().findLiveByToken(new Token("shopxo-md5-token"))).map(TokenHolder::issuedAt).contains(0L);
        assertThat(users().findLiveByToken(new Token("33333333333333333333333333333333"))).isEmpty();
    }

    @Test
    void the_token_of_a_soft_deleted_user_finds_nobody() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "44444444444444444444444444444444", 40L));
        table.softDelete(user.id(), 41L);

        assertThat(users().findLiveByToken(new Token("44444444444444444444444444444444"))).isEmpty();
    }

    @Test
    void binding_an_openid_records_the_token_it_issues() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 1L));

        users().bindOpenId(user, identity(Platform.KUAISHOU, uniqueOpenId()),
                new Token("55555555555555555555555555555555"), 50L);

        assertThat(users().findLiveByToken(new Token("55555555555555555555555555555555"))).map(TokenHolder::issuedAt)
                .contains(50L);
    }

    @Test
    void an_emoji_nickname_round_trips() {
        OpenId openId = uniqueOpenId();
        users().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                new Profile("😀🎉 小明 👨‍👩‍👧", "", Gender.MALE, "🏔", ""), "", 0, UserStatus.NORMAL, "", 1L));

        User found = users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId).orElseThrow();
        assertThat(found.nickname()).isEqualTo("😀🎉 小明 👨‍👩‍👧");
        assertThat(found.province()).isEqualTo("🏔");
    }

    @Test
    void kuaishou_openids_and_toutiao_unionids_live_in_our_own_table() {
        OpenId kuaishou = uniqueOpenId();
        User first = users().register(newUser(Platform.KUAISHOU, kuaishou, "", 1L));
        User second = users().register(NewUsers.newcomer(Platform.TOUTIAO, uniqueOpenId(),
                Optional.of(new UnionId("ttUnion-1")), Profile.EMPTY, "", 0, UserStatus.NORMAL, "", 1L));

        assertThat(users().findById(first.id())).map(user -> user.identities().openId(Platform.KUAISHOU))
                .contains(kuaishou.value());
        assertThat(users().findLiveByUnionId(SystemType.DEFAULT, Platform.TOUTIAO, new UnionId("ttUnion-1"))).map(User::id).contains(second.id());
        assertThat(users().findLiveByUnionId(SystemType.DEFAULT, Platform.TOUTIAO, new UnionId("TTUNION-1"))).isEmpty();
        assertThat(table.count("minipass_user_identity")).isEqualTo(2);
    }

    @Test
    void a_unionid_of_a_platform_without_unionids_is_not_stored() {
        User user = users().register(NewUsers.newcomer(Platform.ALIPAY, uniqueOpenId(),
                Optional.of(new UnionId("aliUnion")), Profile.EMPTY, "", 0, UserStatus.NORMAL, "", 1L));

        assertThat(user.identities().unionIds()).isEmpty();
        assertThat(users().findLiveByUnionId(SystemType.DEFAULT, Platform.ALIPAY, new UnionId("aliUnion"))).isEmpty();
    }

    @Test
    void a_refused_registration_leaves_no_row_in_any_table() {
        OpenId openId = uniqueOpenId();
        users().register(NewUsers.newcomer(Platform.TOUTIAO, openId, Optional.of(new UnionId("ttUnion-2")),
                Profile.EMPTY, "", 0, UserStatus.NORMAL, "66666666666666666666666666666666", 1L));

        assertThatThrownBy(() -> users().register(NewUsers.newcomer(Platform.TOUTIAO, openId,
                Optional.of(new UnionId("ttUnion-3")),
                Profile.EMPTY, "", 0, UserStatus.NORMAL, "77777777777777777777777777777777", 2L)))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);

        assertThat(table.countUsers()).isEqualTo(1);
        assertThat(table.count("minipass_user_identity")).isEqualTo(1);
        assertThat(table.count("minipass_token")).isEqualTo(1);
        assertThat(table.count("minipass_openid_claim")).isEqualTo(1);
        assertThat(users().findLiveByToken(new Token("77777777777777777777777777777777"))).isEmpty();
    }

    @Test
    void an_openid_the_shop_moved_off_its_user_registers_a_new_user() {
        OpenId openId = uniqueOpenId();
        User first = users().register(newUser(Platform.WEIXIN, openId, "", 1L));
        table.setWeixinOpenid(first.id(), "changedByTheShop");

        User second = users().register(newUser(Platform.WEIXIN, openId, "", 2L));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).map(User::id).contains(second.id());
    }

    @Test
    void binding_takes_over_the_openid_of_a_soft_deleted_user_but_not_of_a_live_one() {
        OpenId openId = uniqueOpenId();
        User deleted = users().register(newUser(Platform.QQ, openId, "", 1L));
        table.softDelete(deleted.id(), 2L);
        User binder = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 3L));
        User other = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 4L));

        users().bindOpenId(binder, identity(Platform.QQ, openId), new Token("88888888888888888888888888888888"), 5L);

        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, openId)).map(User::id).contains(binder.id());
        assertThatThrownBy(() -> users().bindOpenId(other, identity(Platform.QQ, openId),
                new Token("99999999999999999999999999999999"), 6L))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(users().findById(other.id())).map(User::token).contains("");
    }

    @Test
    void taking_over_the_openid_of_a_soft_deleted_user_moves_its_claim_to_the_new_user() {
        OpenId openId = uniqueOpenId();
        User deleted = users().register(newUser(Platform.QQ, openId, "", 1L));
        table.softDelete(deleted.id(), 2L);

        User newcomer = users().register(newUser(Platform.QQ, openId, "", 3L));

        // The claim table's primary key is what keeps two concurrent registrations apart: it must name the live user.
        assertThat(claimHolder(Platform.QQ, openId)).isEqualTo(Long.toString(newcomer.id().value()));
    }

    private String claimHolder(Platform platform, OpenId openId) {
        return table.queryText("SELECT user_id FROM " + PREFIX + "minipass_openid_claim WHERE platform = ? AND openid = ?",
                platform.clientType(), openId.value().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binding_a_kuaishou_openid_another_live_user_holds_is_refused() {
        OpenId openId = uniqueOpenId();
        User holder = users().register(newUser(Platform.KUAISHOU, openId, "", 1L));
        User other = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 2L));

        assertThatThrownBy(() -> users().bindOpenId(other, identity(Platform.KUAISHOU, openId),
                new Token("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 3L))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, openId)).map(User::id).contains(holder.id());
        assertThat(users().findById(other.id())).map(user -> user.identities().openId(Platform.KUAISHOU)).contains("");
    }

    @Test
    void the_openid_of_a_soft_deleted_user_goes_to_exactly_one_of_many_concurrent_registrations() throws Exception {
        OpenId openId = uniqueOpenId();
        User deleted = users().register(newUser(Platform.WEIXIN, openId, "", 1L));
        table.softDelete(deleted.id(), 2L);

        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        users().register(newUser(Platform.WEIXIN, openId, "", 3L));
                        return true;
                    } catch (OpenIdAlreadyClaimedException lost) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(table.countUsers()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_registrations_of_one_new_mobile_leave_one_user_and_no_orphan_row() throws Exception {
        List<Optional<User>> results = registerConcurrentlyWithMobile(16, "13700137001");

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        assertThat(table.countUsers()).isEqualTo(1);
        assertThat(table.count("minipass_openid_claim")).isEqualTo(1);
        assertThat(table.count("minipass_mobile_claim")).isEqualTo(1);
        assertThat(table.count("minipass_token")).isEqualTo(1);
        assertThat(table.queryText("SELECT COUNT(*) FROM sxo_user WHERE mobile = ?", "13700137001")).isEqualTo("1");
    }

    @Test
    void a_registration_refused_for_its_mobile_leaves_no_row_in_any_table() {
        users().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(), Profile.EMPTY,
                "13700137002", 0, UserStatus.NORMAL, "cccccccccccccccccccccccccccccccc", 1L));
        OpenId kuaishou = uniqueOpenId();

        assertThatThrownBy(() -> users().register(NewUsers.newcomer(Platform.KUAISHOU, kuaishou, Optional.empty(),
                Profile.EMPTY, "13700137002", 0, UserStatus.NORMAL, "dddddddddddddddddddddddddddddddd", 2L)))
                .isInstanceOf(MobileAlreadyClaimedException.class);

        assertThat(table.countUsers()).isEqualTo(1);
        assertThat(table.count("minipass_user_identity")).isZero();
        assertThat(table.count("minipass_openid_claim")).isEqualTo(1);
        assertThat(table.count("minipass_mobile_claim")).isEqualTo(1);
        assertThat(table.count("minipass_token")).isEqualTo(1);
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, kuaishou)).isEmpty();
        assertThat(users().findLiveByToken(new Token("dddddddddddddddddddddddddddddddd"))).isEmpty();
    }

    @Test
    void a_refused_mobile_binding_keeps_the_old_token() {
        users().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(), Profile.EMPTY,
                "13700137003", 0, UserStatus.NORMAL, "", 1L));
        User other = users().register(newUser(Platform.QQ, uniqueOpenId(), "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", 2L));

        assertThatThrownBy(() -> users().bindMobile(other, identityOf(other, Platform.QQ), "13700137003",
                new Token("ffffffffffffffffffffffffffffffff"), 3L))
                .isInstanceOf(MobileAlreadyClaimedException.class);

        assertThat(users().findLiveByToken(new Token("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"))).map(TokenHolder::issuedAt)
                .contains(2L);
        assertThat(users().findLiveByToken(new Token("ffffffffffffffffffffffffffffffff"))).isEmpty();
        assertThat(table.count("minipass_mobile_claim")).isEqualTo(1);
    }

    @Test
    void a_mobile_the_shop_cleared_or_changed_can_be_registered_and_bound_again() {
        User first = users().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(),
                Profile.EMPTY, "13700137004", 0, UserStatus.NORMAL, "", 1L));
        table.setMobile(first.id(), "");

        User second = users().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(),
                Profile.EMPTY, "13700137004", 0, UserStatus.NORMAL, "", 2L));
        assertThat(users().findLiveByMobile("13700137004")).map(User::id).contains(second.id());

        table.setMobile(second.id(), "13700137999");
        User third = users().register(newUser(Platform.QQ, uniqueOpenId(), "", 3L));
        users().bindMobile(third, identityOf(third, Platform.QQ), "13700137004",
                new Token("abababababababababababababababab"), 4L);

        assertThat(users().findLiveByMobile("13700137004")).map(User::id).contains(third.id());
        assertThat(table.count("minipass_mobile_claim")).isEqualTo(1);
    }

    @Test
    void the_mobile_of_a_soft_deleted_user_goes_to_exactly_one_of_many_concurrent_registrations() throws Exception {
        User deleted = users().register(NewUsers.newcomer(Platform.WEIXIN, uniqueOpenId(), Optional.empty(),
                Profile.EMPTY, "13700137005", 0, UserStatus.NORMAL, "", 1L));
        table.softDelete(deleted.id(), 2L);

        List<Optional<User>> results = registerConcurrentlyWithMobile(8, "13700137005");

        List<User> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(table.countUsers()).isEqualTo(2);
        assertThat(table.count("minipass_mobile_claim")).isEqualTo(1);
        assertThat(table.queryText("SELECT user_id FROM sxo_minipass_mobile_claim"))
                .isEqualTo(String.valueOf(winners.get(0).id().value()));
    }

    @Test
    void a_login_of_a_user_loaded_before_another_login_answers_the_token_it_really_replaced() {
        User loaded = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "11111111111111111111111111111111", 10L));
        assertThat(replacedBy(loaded, "22222222222222222222222222222222", 20L))
                .containsExactly("11111111111111111111111111111111");

        assertThat(replacedBy(loaded, "33333333333333333333333333333333", 30L))
                .containsExactly("22222222222222222222222222222222");
        assertThat(users().findLiveByToken(new Token("33333333333333333333333333333333")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(30L));
    }

    @Test
    void a_user_whose_token_another_program_issued_gets_ours_with_its_issue_time() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "11111111111111111111111111111111", 10L));
        table.update("UPDATE sxo_user SET token = 'feedfeedfeedfeedfeedfeedfeedfeed' WHERE id = " + user.id().value());
        table.update("DELETE FROM sxo_minipass_token");
        User loaded = users().findById(user.id()).orElseThrow();

        assertThat(replacedBy(loaded, "22222222222222222222222222222222", 20L))
                .containsExactly("feedfeedfeedfeedfeedfeedfeedfeed");
        assertThat(users().findLiveByToken(new Token("22222222222222222222222222222222")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(20L));
        assertThat(replacedBy(users().findById(user.id()).orElseThrow(), "33333333333333333333333333333333", 30L))
                .containsExactly("22222222222222222222222222222222");
        assertThat(users().findLiveByToken(new Token("33333333333333333333333333333333")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(30L));
    }

    @Test
    void a_newcomer_given_the_id_of_a_user_the_shop_deleted_outright_gets_none_of_their_records() {
        long reused = nextIdWithLeftIdentity("toutiao", "unionid");
        table.update("INSERT INTO sxo_minipass_token (user_id, token, issued_at) VALUES ("
                + reused + ", 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 5)");

        User newcomer = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "22222222222222222222222222222222", 9L));

        assertThat(newcomer.id().value()).as("the id the leftovers name").isEqualTo(reused);
        assertThat(newcomer.identities().unionId(Platform.TOUTIAO)).isEmpty();
        assertThat(users().findById(newcomer.id())).map(user -> user.identities().unionId(Platform.TOUTIAO)).contains("");
        assertThat(table.count("minipass_user_identity")).isZero();
        assertThat(users().findLiveByToken(new Token("22222222222222222222222222222222")))
                .hasValueSatisfying(holder -> assertThat(holder.issuedAt()).isEqualTo(9L));
    }

    @Test
    void a_newcomer_with_an_id_of_our_identity_table_keeps_it_when_the_reused_id_left_another() {
        long reused = nextIdWithLeftIdentity("kuaishou", "openid");
        OpenId openId = uniqueOpenId();
        UnionId unionId = new UnionId("u-toutiao-" + openId.value());

        User newcomer = users().register(NewUsers.newcomer(Platform.TOUTIAO, openId, Optional.of(unionId),
                Profile.EMPTY, "", 0, UserStatus.NORMAL, "", 2L));

        assertThat(newcomer.id().value()).as("the id the leftovers name").isEqualTo(reused);
        assertThat(newcomer.identities().unionId(Platform.TOUTIAO)).isEqualTo(unionId.value());
        assertThat(newcomer.identities().openId(Platform.KUAISHOU)).isEmpty();
        assertThat(users().findLiveByUnionId(SystemType.DEFAULT, Platform.TOUTIAO, unionId)).map(User::id).contains(newcomer.id());
        assertThat(table.count("minipass_user_identity")).isEqualTo(1);
    }

    /** The tokens a WeChat login of the user, as loaded, replaces. */
    private List<String> replacedBy(User loaded, String token, long now) {
        return users().issueTokenReplacing(loaded, identity(Platform.WEIXIN,
                new OpenId(loaded.identities().openId(Platform.WEIXIN))), token, now).replaced();
    }

    @Test
    void a_login_moves_the_users_upd_time_and_a_binding_keeps_the_users_other_openids() {
        OpenId weixin = uniqueOpenId();
        User user = users().register(newUser(Platform.WEIXIN, weixin, "", 1L));

        User issued = users().issueToken(user, identity(Platform.WEIXIN, weixin),
                new Token("12121212121212121212121212121212"), 7L);
        OpenId qq = uniqueOpenId();
        User bound = users().bindOpenId(issued, identity(Platform.QQ, qq),
                new Token("34343434343434343434343434343434"), 8L);

        assertThat(issued.updTime()).isEqualTo(7L);
        assertThat(users().findById(user.id())).hasValueSatisfying(found -> {
            assertThat(found.updTime()).isEqualTo(8L);
            assertThat(found.token()).isEqualTo("34343434343434343434343434343434");
            assertThat(found.identities().openId(Platform.WEIXIN)).isEqualTo(weixin.value());
            assertThat(found.identities().openId(Platform.QQ)).isEqualTo(qq.value());
            assertThat(found).isEqualTo(bound);
        });
    }

    /** The id the next registration gets, with an identity of ours left for it as by a user deleted outright. */
    private long nextIdWithLeftIdentity(String platform, String kind) {
        long next = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 1L)).id().value() + 1;
        table.update("INSERT INTO sxo_minipass_user_identity (user_id, platform, kind, external_id) VALUES ("
                + next + ", '" + platform + "', '" + kind + "', X'6c6566746f766572')");
        return next;
    }

    @Test
    void issuing_a_token_to_an_unknown_user_fails_and_stores_nothing() {
        User someone = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "cccccccccccccccccccccccccccccccc", 1L));
        User unknown = new User(new UserId(4_000_000_000L), someone.identities(), someone.status(), someone.token(),
                "", "", "", "", someone.gender(), "", "", "", 0, "", 0, 0, 0, 0, 1, 1);
        table.update("DELETE FROM sxo_minipass_token");

        assertThatThrownBy(() -> users().issueToken(unknown, identityOf(someone, Platform.WEIXIN),
                new Token("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), 1L))
                .isInstanceOf(IllegalStateException.class);
        assertThat(table.count("minipass_token")).isZero();
    }

    @Test
    void an_existing_shopxo_user_table_is_kept_and_its_users_are_found() {
        TestDatabase shop = newDatabase();
        try {
            DirectUserTable shopTable = new DirectUserTable(shop, PREFIX);
            shopTable.execute(shopxoUserTable());
            shopTable.update("INSERT INTO sxo_user (id, weixin_openid, nickname, token, add_time) VALUES (42, ?, ?, ?, ?)",
                    "shopxoOpenid", "老用户", "shopxo-token", 1_600_000_000L);

            try (MyBatisPersistence opened = MyBatisPersistence.open(shop.settings(PREFIX))) {
                ShopUserStore shopUsers = opened.userStore();
                assertThat(shopUsers.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("shopxoOpenid")))
                        .hasValueSatisfying(user -> {
                            assertThat(user.id()).isEqualTo(new UserId(42));
                            assertThat(user.nickname()).isEqualTo("老用户");
                        });
                assertThat(shopUsers.findLiveByToken(new Token("shopxo-token"))).map(TokenHolder::issuedAt)
                        .contains(0L);
                assertThatThrownBy(() -> shopUsers.register(newUser(Platform.WEIXIN, new OpenId("shopxoOpenid"), "", 2L)))
                        .isInstanceOf(OpenIdAlreadyClaimedException.class);
                User added = shopUsers.register(newUser(Platform.QQ, uniqueOpenId(), "", 3L));
                assertThat(added.id().value()).isGreaterThan(42);
            }
            try (MyBatisPersistence reopened = MyBatisPersistence.open(shop.settings(PREFIX))) {
                assertThat(reopened.userStore().findById(new UserId(42))).isPresent();
            }
            assertThat(shopTable.countUsers()).isEqualTo(2);
            assertThat(shopTable.queryText("SELECT GROUP_CONCAT(CONCAT(version, ':', type) ORDER BY installed_rank"
                    + " SEPARATOR ',') FROM sxo_minipass_schema_history WHERE version IS NOT NULL AND success = 1"))
                    .as("baselined at 0, then V1 (a no-op on the existing table), V2, V3 and V4 (H2 only)")
                    .isEqualTo("0:BASELINE,1:SQL,2:SQL,3:SQL,4:JDBC");
        } finally {
            shop.drop();
        }
    }

    @Test
    void a_non_default_table_prefix_gets_tables_of_its_own() {
        try (MyBatisPersistence other = MyBatisPersistence.open(database.settings("mp_"))) {
            OpenId openId = uniqueOpenId();
            User user = other.userStore().register(newUser(Platform.WEIXIN, openId, "cccccccccccccccccccccccccccccccc", 1L));

            DirectUserTable otherTable = new DirectUserTable(database, "mp_");
            assertThat(otherTable.countUsers()).isEqualTo(1);
            assertThat(table.countUsers()).isZero();
            assertThat(other.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).map(User::id).contains(user.id());
            assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).isEmpty();
            assertThat(otherTable.queryText("SELECT COUNT(*) FROM mp_minipass_schema_history")).isNotEqualTo("0");
            otherTable.deleteAllRows();
        }
    }

    @Test
    void opening_a_migrated_database_again_changes_nothing() {
        User user = users().register(newUser(Platform.WEIXIN, uniqueOpenId(), "", 1L));
        String migrations = table.queryText("SELECT COUNT(*) FROM sxo_minipass_schema_history");

        try (MyBatisPersistence again = MyBatisPersistence.open(database.settings(PREFIX))) {
            assertThat(again.isReachable()).isTrue();
            assertThat(again.userStore().findById(user.id())).isPresent();
        }
        assertThat(table.queryText("SELECT COUNT(*) FROM sxo_minipass_schema_history")).isEqualTo(migrations);
    }

    @Test
    void a_closed_persistence_is_no_longer_reachable() {
        MyBatisPersistence opened = MyBatisPersistence.open(database.settings(PREFIX));
        assertThat(opened.isReachable()).isTrue();

        opened.close();

        assertThat(opened.isReachable()).isFalse();
    }

    static String shopxoUserTable() {
        return shopxoScript("v2.2.0").get(0);
    }

    /** The statements of {@code shopxo-<version>-user.sql}: ShopXO's own DDL of that version. */
    static List<String> shopxoScript(String version) {
        try (InputStream in = UserColumnsStoreAdapterContract.class.getResourceAsStream("/shopxo-" + version + "-user.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(script.split(";\\s*(\\n|$)")).map(String::trim).filter(sql -> !sql.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
