package io.minipass.adapters.persistence;

import io.minipass.adapters.persistence.ShopUserStore.TokenWrite;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.testing.NewUsers;
import io.minipass.application.testing.UserStoreContractTest;
import io.minipass.application.testing.UserStoreUnderTest;
import io.minipass.domain.user.Channel;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
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

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared user-store contract on ShopXO v3.0–v6.7's tables (made with {@code shopxo-v6-user.sql} before the
 * service opens the database, as a shop's would be), plus what this layout writes where: the rows ShopXO's own
 * PHP reads. Run by each database's {@code *AdapterTest}; each test starts with the tables emptied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformRowsStoreAdapterContract extends UserStoreContractTest {
    static final String PREFIX = "sxo_";
    private static final SystemType APP = new SystemType("app2");
    private static final String TOKEN_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String TOKEN_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    protected TestDatabase database;
    protected MyBatisPersistence persistence;
    protected DirectPlatformTables tables;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() {
        database = newDatabase();
        tables = new DirectPlatformTables(database, PREFIX);
        tables.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").toArray(String[]::new));
        persistence = MyBatisPersistence.open(database.settings(PREFIX));
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
        tables.deleteAllRows();
        return new ShopUserStoreUnderTest(persistence.userStore(), tables);
    }

    private ShopUserStore users() {
        return persistence.userStore();
    }

    private static NewUser newcomer(SystemType systemType, Platform platform, OpenId openId, Optional<UnionId> unionId,
                                    String token) {
        return new NewUser(new LoginIdentity(systemType, new PlatformIdentity(platform, openId, unionId)),
                new Profile("新人", "https://a.example/n.png", Gender.MALE, "广东",
                        "深圳"), "", 7, UserStatus.NORMAL, NewUsers.token(token), 1_700_000_000L);
    }

    private static LoginIdentity login(SystemType systemType, Platform platform, OpenId openId) {
        return new LoginIdentity(systemType, new PlatformIdentity(platform, openId, Optional.empty()));
    }

    /** The user a token names, looked up the way ShopXO v6's PHP does for its cart and order routes. */
    private Optional<Long> userShopxoFindsBy(String token, String systemType, String platform) {
        return Optional.ofNullable(tables.queryText("SELECT u.id FROM sxo_user u JOIN sxo_user_platform up"
                + " ON u.id = up.user_id WHERE up.token = ? AND up.system_type = ? AND up.platform = ?"
                + " AND u.is_delete_time = 0 AND u.is_logout_time = 0", token, systemType, platform)).map(Long::valueOf);
    }

    @Test
    void the_layout_is_recognised_and_shopxos_tables_keep_their_columns() {
        assertThat(persistence.layout()).isEqualTo("v6");
        assertThat(tables.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) = 'sxo_user'")).isEqualTo("23");
        assertThat(tables.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) = 'sxo_user_platform'")).isEqualTo("17");
    }

    @Test
    void a_newcomer_is_one_user_row_with_a_member_code_and_one_platform_row_with_the_token() {
        OpenId openId = uniqueOpenId();

        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId,
                Optional.of(new UnionId("u-" + openId.value())), TOKEN_A));

        long id = user.id().value();
        assertThat(user.numberCode()).hasSize(14).startsWith("8888").endsWith(Long.toString(id))
                .matches("8888[1-9]*" + id);
        assertThat(tables.queryText("SELECT CONCAT(number_code, '|', nickname, '|', gender, '|', province, '|', city,"
                + " '|', referrer, '|', status, '|', add_time, '|', upd_time) FROM sxo_user WHERE id = ?", id))
                .isEqualTo(user.numberCode() + "|新人|2|广东|深圳|7|0|1700000000|0");
        assertThat(tables.queryText("SELECT CONCAT(user_id, '|', system_type, '|', platform, '|', token, '|',"
                + " weixin_openid, '|', weixin_unionid, '|', qq_openid, '|', add_time, '|', upd_time)"
                + " FROM sxo_user_platform")).isEqualTo(id + "|default|weixin|" + TOKEN_A + "|" + openId.value()
                + "|u-" + openId.value() + "||1700000000|1700000000");
        assertThat(tables.countRows()).isEqualTo(1);
        assertThat(user.channel()).isEqualTo(new Channel("default", "weixin"));
        assertThat(userShopxoFindsBy(TOKEN_A, "default", "weixin")).contains(id);
    }

    @Test
    void a_newcomer_of_a_platform_without_unionids_keeps_none_and_toutiao_and_kuaishou_ids_have_their_columns() {
        OpenId kuaishou = uniqueOpenId();
        OpenId toutiao = uniqueOpenId();

        users().register(newcomer(SystemType.DEFAULT, Platform.KUAISHOU, kuaishou, Optional.empty(), ""));
        users().register(newcomer(SystemType.DEFAULT, Platform.TOUTIAO, toutiao, Optional.of(new UnionId("tt-union")), ""));

        assertThat(tables.queryText("SELECT platform FROM sxo_user_platform WHERE kuaishou_openid = ?", kuaishou.value()))
                .isEqualTo("kuaishou");
        assertThat(tables.queryText("SELECT toutiao_unionid FROM sxo_user_platform WHERE toutiao_openid = ?",
                toutiao.value())).isEqualTo("tt-union");
        assertThat(users().findLiveByUnionId(SystemType.DEFAULT, Platform.TOUTIAO, new UnionId("tt-union"))).isPresent();
        assertThat(tables.count("minipass_user_identity")).isZero();
        assertThat(tables.count("minipass_token")).isZero();
    }

    @Test
    void a_returning_login_writes_the_token_to_every_row_of_its_channel_and_leaves_the_user_row_alone() {
        OpenId openId = uniqueOpenId();
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));
        tables.insertRow(user.id(), "default", Platform.WEIXIN, "second-row-openid", "", TOKEN_A, 5L);
        tables.insertRow(user.id(), "app2", Platform.WEIXIN, openId.value(), "", "other-channel-token", 5L);
        User loaded = users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId).orElseThrow();

        TokenWrite written = users().issueTokenReplacing(loaded, login(SystemType.DEFAULT, Platform.WEIXIN, openId),
                TOKEN_B, 1_800_000_000L);

        assertThat(written.replaced()).containsExactly(TOKEN_A);
        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE token = ? AND upd_time = 1800000000"
                + " AND system_type = 'default'", TOKEN_B)).isEqualTo("2");
        assertThat(tables.queryText("SELECT token FROM sxo_user_platform WHERE system_type = 'app2'"))
                .isEqualTo("other-channel-token");
        assertThat(tables.queryText("SELECT upd_time FROM sxo_user WHERE id = ?", user.id().value())).isEqualTo("0");
        assertThat(written.user().updTime()).isZero();
        assertThat(written.user().token()).isEqualTo(TOKEN_B);
        assertThat(userShopxoFindsBy(TOKEN_B, "default", "weixin")).contains(user.id().value());
        assertThat(users().findLiveByToken(new Token(TOKEN_A))).isEmpty();
        assertThat(users().findLiveByToken(new Token("other-channel-token"))).map(holder -> holder.user().channel())
                .contains(new Channel("app2", "weixin"));
    }

    @Test
    void revoking_a_user_empties_the_token_of_every_row_of_theirs_and_no_one_elses() {
        OpenId openId = uniqueOpenId();
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));
        tables.insertRow(user.id(), "default", Platform.WEIXIN, "second-row-openid", "", TOKEN_A, 5L);
        tables.insertRow(user.id(), "app2", Platform.WEIXIN, openId.value(), "", "other-channel-token", 5L);
        tables.insertRow(user.id(), "default", Platform.QQ, "qq-openid", "", "qq-channel-token", 5L);
        tables.insertRow(user.id(), "default", Platform.ALIPAY, "alipay-openid", "", "", 5L);
        User other = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, uniqueOpenId(), Optional.empty(),
                TOKEN_B));

        assertThat(users().revokeTokens(user.id()))
                .containsExactlyInAnyOrder(new Token(TOKEN_A), new Token("other-channel-token"),
                        new Token("qq-channel-token"));

        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE user_id = ? AND token <> ''",
                user.id().value())).isEqualTo("0");
        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE user_id = ? AND upd_time = 5",
                user.id().value())).as("nothing else of the rows changes").isEqualTo("4");
        for (String token : List.of(TOKEN_A, "other-channel-token", "qq-channel-token")) {
            assertThat(users().findLiveByToken(new Token(token))).as(token).isEmpty();
        }
        assertThat(userShopxoFindsBy(TOKEN_B, "default", "weixin")).contains(other.id().value());
    }

    @Test
    void a_login_of_a_user_loaded_before_another_login_replaces_the_tokens_its_rows_hold_now() {
        OpenId openId = uniqueOpenId();
        User loaded = users().register(newcomer(SystemType.DEFAULT, Platform.QQ, openId, Optional.empty(), TOKEN_A));
        users().issueToken(loaded, login(SystemType.DEFAULT, Platform.QQ, openId), new Token(TOKEN_B), 2L);

        TokenWrite written = users().issueTokenReplacing(loaded, login(SystemType.DEFAULT, Platform.QQ, openId),
                "cccccccccccccccccccccccccccccccc", 3L);

        assertThat(written.replaced()).containsExactly(TOKEN_B);
        assertThat(users().findLiveByToken(new Token("cccccccccccccccccccccccccccccccc"))).map(TokenHolder::issuedAt)
                .contains(3L);
    }

    @Test
    void a_user_found_only_under_another_system_type_gets_a_row_of_this_one_so_its_token_works() {
        OpenId openId = uniqueOpenId();
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId,
                Optional.of(new UnionId("u-fallback")), TOKEN_A));

        User loaded = users().findLiveByOpenId(APP, Platform.WEIXIN, openId).orElseThrow();
        assertThat(loaded.id()).isEqualTo(user.id());
        assertThat(loaded.token()).isEmpty();
        assertThat(loaded.channel()).isEqualTo(new Channel("app2", "weixin"));
        User issued = users().issueToken(loaded, login(APP, Platform.WEIXIN, openId), new Token(TOKEN_B), 2_000L);

        assertThat(tables.countRows()).isEqualTo(2);
        assertThat(tables.queryText("SELECT CONCAT(weixin_openid, '|', weixin_unionid, '|', token) FROM sxo_user_platform"
                + " WHERE system_type = 'app2'")).isEqualTo(openId.value() + "|u-fallback|" + TOKEN_B);
        assertThat(userShopxoFindsBy(TOKEN_B, "app2", "weixin")).contains(user.id().value());
        assertThat(userShopxoFindsBy(TOKEN_A, "default", "weixin")).as("the other channel's token stays")
                .contains(user.id().value());
        assertThat(users().findLiveByOpenId(APP, Platform.WEIXIN, openId)).contains(issued);
        assertThat(issued.identities().openId(Platform.WEIXIN)).isEqualTo(openId.value());
        assertThat(issued.identities().unionId(Platform.WEIXIN)).isEqualTo("u-fallback");
    }

    @Test
    void two_concurrent_logins_of_a_user_without_a_row_of_the_channel_give_it_one_row() throws Exception {
        OpenId openId = uniqueOpenId();
        users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));
        List<User> loaded = concurrently(8, i -> () -> users().findLiveByOpenId(APP, Platform.WEIXIN, openId).orElseThrow());

        List<User> issued = concurrently(8, i -> () -> users().issueToken(loaded.get(i), login(APP, Platform.WEIXIN, openId),
                new Token("%032d".formatted(i)), 10L + i));

        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE system_type = 'app2'")).isEqualTo("1");
        String current = tables.queryText("SELECT token FROM sxo_user_platform WHERE system_type = 'app2'");
        assertThat(issued).extracting(User::token).contains(current);
        assertThat(users().findLiveByToken(new Token(current))).isPresent();
    }

    @Test
    void a_user_found_by_unionid_is_given_a_row_holding_the_new_openid() {
        OpenId first = uniqueOpenId();
        UnionId unionId = new UnionId("u-merge-" + first.value());
        User owner = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, first, Optional.of(unionId), TOKEN_A));
        OpenId second = uniqueOpenId();

        User found = users().findLiveByUnionId(SystemType.DEFAULT, Platform.WEIXIN, unionId).orElseThrow();
        TokenWrite written = users().bindOpenIdReplacing(found,
                new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN, second,
                        Optional.of(unionId))), TOKEN_B, 9L);

        assertThat(found.id()).isEqualTo(owner.id());
        assertThat(tables.countRows()).isEqualTo(2);
        assertThat(tables.countUsers()).isEqualTo(1);
        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE user_id = ? AND token = ?",
                owner.id().value(), TOKEN_B)).as("both rows of the channel").isEqualTo("2");
        assertThat(tables.queryText("SELECT weixin_unionid FROM sxo_user_platform WHERE weixin_openid = ?", second.value()))
                .isEqualTo(unionId.value());
        assertThat(written.replaced()).containsExactly(TOKEN_A);
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, second)).map(User::id).contains(owner.id());
        assertThat(userShopxoFindsBy(TOKEN_B, "default", "weixin")).contains(owner.id().value());
    }

    @Test
    void binding_a_mobile_sets_it_on_the_user_and_the_token_on_its_channel() {
        OpenId openId = uniqueOpenId();
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.BAIDU, openId, Optional.empty(), TOKEN_A));

        User bound = users().bindMobile(user, login(SystemType.DEFAULT, Platform.BAIDU, openId), "13800138088",
                new Token(TOKEN_B), 66L);

        assertThat(tables.queryText("SELECT CONCAT(mobile, '|', upd_time) FROM sxo_user WHERE id = ?", user.id().value()))
                .isEqualTo("13800138088|66");
        assertThat(tables.queryText("SELECT token FROM sxo_user_platform WHERE user_id = ?", user.id().value()))
                .isEqualTo(TOKEN_B);
        assertThat(bound.mobile()).isEqualTo("13800138088");
        assertThat(bound.updTime()).isEqualTo(66L);
        assertThat(users().findLiveByMobile("13800138088")).map(User::id).contains(user.id());
    }

    @Test
    void a_mobile_owner_without_a_row_of_the_platform_is_given_one_holding_the_openid() {
        User owner = users().register(new NewUser(new LoginIdentity(SystemType.DEFAULT,
                new PlatformIdentity(Platform.ALIPAY, uniqueOpenId(),
                Optional.empty())), Profile.EMPTY, "13800138099", 0, UserStatus.NORMAL, NewUsers.token(""), 1L));
        OpenId weixin = uniqueOpenId();
        User byMobile = users().findLiveByMobile("13800138099").orElseThrow();

        User bound = users().bindOpenId(byMobile, login(SystemType.DEFAULT, Platform.WEIXIN, weixin),
                new Token(TOKEN_B), 2L);

        assertThat(byMobile.identities().openIds()).as("read through none of its rows").isEmpty();
        assertThat(bound.channel()).isEqualTo(new Channel("default", "weixin"));
        assertThat(tables.queryText("SELECT COUNT(*) FROM sxo_user_platform WHERE user_id = ?", owner.id().value()))
                .isEqualTo("2");
        assertThat(userShopxoFindsBy(TOKEN_B, "default", "weixin")).contains(owner.id().value());
    }

    @Test
    void a_closed_account_logs_in_nowhere_and_its_openid_registers_a_new_user() {
        OpenId openId = uniqueOpenId();
        User closed = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));
        tables.closeAccount(closed.id(), 77L);

        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).isEmpty();
        assertThat(users().findLiveByToken(new Token(TOKEN_A))).isEmpty();
        User next = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_B));

        assertThat(next.id()).isNotEqualTo(closed.id());
        assertThat(users().findById(closed.id())).map(User::logoutTime).contains(77L);
    }

    @Test
    void a_user_read_through_a_channel_it_has_no_row_of_takes_the_ids_of_its_row_of_the_platform() {
        tables.update("INSERT INTO sxo_user (id, number_code, nickname, pwd, county, add_time, upd_time)"
                + " VALUES (43, '88881234567843', '老用户', 'e10adc3949ba59abbe56e057f20f883e', '', 1600000000, 5)");
        // A row of another platform holding the same WeChat openid comes first, by row id.
        tables.update("INSERT INTO sxo_user_platform (user_id, system_type, platform, token, weixin_openid, weixin_unionid,"
                + " add_time, upd_time) VALUES (43, 'default', 'qq', 'qq-row-token', 'sharedOpenid', 'unionOfTheQqRow', 1, 1)");
        tables.insertRow(new UserId(43), "default", Platform.WEIXIN, "sharedOpenid", "unionOfTheWeixinRow", "weixin-row-token",
                2L);

        User found = users().findLiveByOpenId(APP, Platform.WEIXIN, new OpenId("sharedOpenid")).orElseThrow();

        assertThat(found.id()).isEqualTo(new UserId(43));
        assertThat(found.identities().unionId(Platform.WEIXIN)).isEqualTo("unionOfTheWeixinRow");
    }

    @Test
    void a_user_and_row_shopxo_wrote_are_found_and_its_openid_cannot_be_registered_again() {
        tables.update("INSERT INTO sxo_user (id, number_code, nickname, pwd, county, add_time, upd_time)"
                + " VALUES (42, '88881234567842', '老用户', 'e10adc3949ba59abbe56e057f20f883e', '南山区', 1600000000, 5)");
        tables.insertRow(new UserId(42), "default", Platform.WEIXIN, "shopxoOpenid", "shopxoUnion", "shopxo-md5-token",
                1_600_000_100L);

        User found = users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("shopxoOpenid")).orElseThrow();

        assertThat(found.id()).isEqualTo(new UserId(42));
        assertThat(found.numberCode()).isEqualTo("88881234567842");
        assertThat(found.county()).isEqualTo("南山区");
        assertThat(found.passwordSet()).isTrue();
        assertThat(found.token()).isEqualTo("shopxo-md5-token");
        assertThat(found.identities().unionId(Platform.WEIXIN)).isEqualTo("shopxoUnion");
        assertThat(users().findLiveByToken(new Token("shopxo-md5-token"))).map(TokenHolder::issuedAt)
                .contains(1_600_000_100L);
        assertThatThrownBy(() -> users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("shopxoOpenid"),
                Optional.empty(), TOKEN_A))).isInstanceOf(OpenIdAlreadyClaimedException.class);
        assertThat(tables.countUsers()).isEqualTo(1);
        assertThat(tables.countRows()).isEqualTo(1);
    }

    @Test
    void the_token_cache_keeps_each_channels_token_and_drops_only_the_one_a_login_replaced() {
        OpenId openId = uniqueOpenId();
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));
        TokenCache cache = TestSettings.tokenCache(users(), java.time.Duration.ofMinutes(10), 1000);
        User otherChannel = cache.issueToken(users().findLiveByOpenId(APP, Platform.WEIXIN, openId).orElseThrow(),
                login(APP, Platform.WEIXIN, openId), new Token(TOKEN_B), 5L);
        assertThat(cache.findLiveByToken(new Token(TOKEN_A))).map(holder -> holder.user().channel())
                .contains(new Channel("default", "weixin"));
        assertThat(cache.findLiveByToken(new Token(TOKEN_B))).map(holder -> holder.user().channel())
                .contains(new Channel("app2", "weixin"));

        cache.issueToken(user, login(SystemType.DEFAULT, Platform.WEIXIN, openId),
                new Token("cccccccccccccccccccccccccccccccc"), 6L);

        assertThat(cache.findLiveByToken(new Token(TOKEN_A))).isEmpty();
        assertThat(cache.findLiveByToken(new Token(TOKEN_B))).map(holder -> holder.user().id())
                .contains(otherChannel.id());
        assertThat(cache.findLiveByToken(new Token("cccccccccccccccccccccccccccccccc"))).isPresent();
    }

    @Test
    void a_member_code_finds_its_user_exactly() {
        User user = users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, uniqueOpenId(), Optional.empty(), ""));

        assertThat(users().findByNumberCode(user.numberCode())).map(User::id).contains(user.id());
        assertThat(users().findByNumberCode(user.numberCode() + "0")).isEmpty();
        assertThat(users().findByNumberCode("")).isEmpty();
    }

    @Test
    void an_openid_in_case_or_space_variants_of_a_stored_one_finds_nobody() {
        tables.update("INSERT INTO sxo_user (id, add_time) VALUES (43, 1)");
        tables.insertRow(new UserId(43), "default", Platform.WEIXIN, "oCaseOpenid", "", TOKEN_A, 1L);

        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("ocaseopenid"))).isEmpty();
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("OCASEOPENID"))).isEmpty();
        assertThat(users().findLiveByToken(new Token(TOKEN_A.toUpperCase()))).isEmpty();
        assertThat(users().findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, new OpenId("oCaseOpenid"))).isEmpty();
    }

    /**
     * ShopXO's CHAR columns drop trailing spaces: an openid stored with one reads as the openid without. A client
     * cannot send a space at all (an openid has no whitespace), so no openid of spaces reaches anyone.
     */
    @Test
    @Override
    protected void openid_stored_with_trailing_space_by_another_program_is_not_matched() {
        User legacy = store.insertDirectly(userRow(Platform.WEIXIN, "legacyOpenid ", ""));

        assertThat(store.directory().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("legacyOpenid")))
                .map(User::id).contains(legacy.id());
    }

    @Test
    void a_failed_registration_leaves_neither_row() {
        OpenId openId = uniqueOpenId();
        users().register(newcomer(SystemType.DEFAULT, Platform.WEIXIN, openId, Optional.empty(), TOKEN_A));

        assertThatThrownBy(() -> users().register(newcomer(APP, Platform.WEIXIN, openId, Optional.empty(), TOKEN_B)))
                .isInstanceOf(OpenIdAlreadyClaimedException.class);

        assertThat(tables.countUsers()).isEqualTo(1);
        assertThat(tables.countRows()).isEqualTo(1);
        assertThat(tables.count("minipass_openid_claim")).isEqualTo(1);
    }

    @Test
    void a_platform_row_too_long_for_its_column_rolls_the_whole_registration_back() {
        tables.execute("ALTER TABLE sxo_user_platform MODIFY system_type CHAR(4) NOT NULL DEFAULT 'def'");
        try {
            assertThatThrownBy(() -> users().register(newcomer(new SystemType("toolong"), Platform.WEIXIN, uniqueOpenId(),
                    Optional.empty(), TOKEN_A))).isInstanceOf(RuntimeException.class);

            assertThat(tables.countUsers()).as("no orphan user row").isZero();
            assertThat(tables.countRows()).isZero();
            assertThat(tables.count("minipass_openid_claim")).isZero();
        } finally {
            tables.execute("ALTER TABLE sxo_user_platform MODIFY system_type CHAR(60) NOT NULL DEFAULT 'default'");
        }
    }
}
