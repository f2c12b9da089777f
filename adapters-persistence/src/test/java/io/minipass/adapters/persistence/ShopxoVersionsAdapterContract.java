package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter on each ShopXO layout it meets in a shop's database, created with ShopXO's own DDL
 * (test resources {@code shopxo-<version>-user.sql}) before the service's migrations run: v2.2.0,
 * v2.2.7 ({@code system_type}), v2.2.8 ({@code kuaishou_openid}), and v2.3.3 to v6.7 ({@code sxo_user_platform}:
 * {@code shopxo-v6-user.sql}, our own fixture of that layout). Run by each database's {@code *AdapterTest}.
 */
abstract class ShopxoVersionsAdapterContract {
    private static final String PREFIX = "sxo_";

    private TestDatabase database;
    private DirectUserTable table;

    /** A new, empty database; {@link #drop()} drops it. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void create() {
        database = newDatabase();
        table = new DirectUserTable(database, PREFIX);
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void on_v2_2_0_kuaishou_openids_live_in_our_identity_table() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.0").toArray(String[]::new));
        try (MyBatisPersistence persistence = open()) {
            User user = persistence.userStore().register(kuaishouUser("ks-own-table"));

            assertThat(persistence.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-own-table")))
                    .map(User::id).contains(user.id());
            assertThat(table.queryText("SELECT COUNT(*) FROM sxo_minipass_user_identity"
                    + " WHERE user_id = ? AND platform = 'kuaishou' AND kind = 'openid'", user.id().value()))
                    .isEqualTo("1");
        }
    }

    @Test
    void on_v2_2_7_system_type_keeps_its_default() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.7").toArray(String[]::new));
        table.update("INSERT INTO sxo_user (id, weixin_openid, system_type, add_time) VALUES (7, 'wx-shopxo', 'default', 1)");
        try (MyBatisPersistence persistence = open()) {
            ShopUserStore users = persistence.userStore();
            User shopxoUser = users.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("wx-shopxo")).orElseThrow();
            users.issueToken(shopxoUser, new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN,
                    new OpenId("wx-shopxo"), Optional.empty())), new Token("0123456789abcdef0123456789abcdef"), 2L);
            users.register(kuaishouUser("ks-227"));
            users.register(NewUsers.newcomer(Platform.WEIXIN, new OpenId("wx-227"), Optional.empty(), Profile.EMPTY,
                    "", 0, UserStatus.NORMAL, "", 3L));
        }
        assertThat(table.queryText("SELECT COUNT(*) FROM sxo_user")).isEqualTo("3");
        assertThat(table.queryText("SELECT COUNT(*) FROM sxo_user WHERE system_type = 'default'")).isEqualTo("3");
    }

    @Test
    void on_v2_2_8_a_kuaishou_user_shopxo_registered_is_found_by_its_column() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.8").toArray(String[]::new));
        table.update("INSERT INTO sxo_user (id, kuaishou_openid, nickname, add_time) VALUES (28, 'ks-shopxo', '快手用户', 1)");
        try (MyBatisPersistence persistence = open()) {
            ShopUserStore users = persistence.userStore();

            assertThat(users.findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-shopxo"))).hasValueSatisfying(user -> {
                assertThat(user.id()).isEqualTo(new UserId(28));
                assertThat(user.identities().openId(Platform.KUAISHOU)).isEqualTo("ks-shopxo");
            });
            assertThat(users.findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("KS-SHOPXO"))).isEmpty();
            assertThatThrownBy(() -> users.register(kuaishouUser("ks-shopxo")))
                    .isInstanceOf(OpenIdAlreadyClaimedException.class);
        }
        assertThat(table.count("minipass_user_identity")).isZero();
    }

    @Test
    void on_v2_2_8_a_new_kuaishou_user_is_stored_in_shopxos_column() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.8").toArray(String[]::new));
        try (MyBatisPersistence persistence = open()) {
            ShopUserStore users = persistence.userStore();
            User registered = users.register(kuaishouUser("ks-new"));
            User weixin = users.register(NewUsers.newcomer(Platform.WEIXIN, new OpenId("wx-228"), Optional.empty(),
                    Profile.EMPTY, "", 0, UserStatus.NORMAL, "", 2L));
            users.bindOpenId(weixin, new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(Platform.KUAISHOU,
                    new OpenId("ks-bound"), Optional.empty())), new Token("0123456789abcdef0123456789abcdef"), 3L);

            assertThat(table.queryText("SELECT kuaishou_openid FROM sxo_user WHERE id = ?", registered.id().value()))
                    .isEqualTo("ks-new");
            assertThat(table.queryText("SELECT kuaishou_openid FROM sxo_user WHERE id = ?", weixin.id().value()))
                    .isEqualTo("ks-bound");
            assertThat(table.count("minipass_user_identity")).isZero();
            assertThat(table.count("minipass_openid_claim")).as("claims still guard uniqueness").isEqualTo(3);
            assertThat(users.findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-bound"))).map(User::id).contains(weixin.id());
            assertThatThrownBy(() -> users.register(kuaishouUser("ks-new"))).isInstanceOf(OpenIdAlreadyClaimedException.class);
        }
        assertThat(table.queryText("SELECT COUNT(*) FROM sxo_user WHERE system_type = 'default'")).isEqualTo("2");
    }

    @Test
    void kuaishou_openids_kept_before_shopxo_added_its_column_move_there() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.0").toArray(String[]::new));
        User registered;
        try (MyBatisPersistence persistence = open()) {
            registered = persistence.userStore().register(kuaishouUser("ks-before-upgrade"));
        }

        // What ShopXO's upgrade to v2.2.8 does to the table.
        table.execute("ALTER TABLE sxo_user ADD COLUMN kuaishou_openid CHAR(60) NOT NULL DEFAULT ''");

        try (MyBatisPersistence persistence = open()) {
            assertThat(persistence.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-before-upgrade")))
                    .map(User::id).contains(registered.id());
        }
        assertThat(table.queryText("SELECT kuaishou_openid FROM sxo_user WHERE id = ?", registered.id().value()))
                .isEqualTo("ks-before-upgrade");
        assertThat(table.count("minipass_user_identity")).isZero();
    }

    /** On H2, which counts UTF-16 units, migration 4 widens the user table's text columns; MySQL keeps ShopXO's. */
    @Test
    void the_platform_rows_of_v2_3_3_to_v6_7_are_served_and_shopxos_tables_left_as_they_are() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").toArray(String[]::new));
        String columnsBefore = columnsOf(database.url().startsWith("jdbc:h2:") ? "'sxo_user_platform'"
                : "'sxo_user', 'sxo_user_platform'");
        try (MyBatisPersistence persistence = open()) {
            assertThat(persistence.layout()).isEqualTo("v6");
            persistence.userStore().register(kuaishouUser("ks-v6"));
        }
        assertThat(columnsOf(database.url().startsWith("jdbc:h2:") ? "'sxo_user_platform'"
                : "'sxo_user', 'sxo_user_platform'")).isEqualTo(columnsBefore);
        assertThat(table.queryText("SELECT kuaishou_openid FROM sxo_user_platform")).isEqualTo("ks-v6");
    }

    @Test
    void a_database_of_one_layout_said_to_have_the_other_is_refused_before_anything_is_written() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").toArray(String[]::new));

        assertThatThrownBy(() -> MyBatisPersistence.open(TestSettings.inLayout(database.settings(PREFIX), ShopLayout.USER_COLUMNS)))
                .isInstanceOf(UnsupportedShopSchemaException.class)
                .hasMessageContaining("ShopXO v3.0–v6.7")
                .hasMessageContaining("ShopXO v2.2.0–v2.3.2");
        assertThatThrownBy(() -> MyBatisPersistence.pendingMigrations(
                TestSettings.inLayout(database.settings(PREFIX), ShopLayout.USER_COLUMNS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ShopXO v3.0–v6.7");
        assertThatCode(() -> MyBatisPersistence.pendingMigrations(
                TestSettings.inLayout(database.settings(PREFIX), ShopLayout.PLATFORM_ROWS))).doesNotThrowAnyException();
        assertThat(ownTables()).isEqualTo("0");
    }

    @Test
    void a_new_database_said_to_get_the_platform_rows_gets_shopxo_v6s_tables_and_keeps_them() {
        try (MyBatisPersistence persistence = MyBatisPersistence.open(
                TestSettings.inLayout(database.settings(PREFIX), ShopLayout.PLATFORM_ROWS))) {
            assertThat(persistence.layout()).isEqualTo("v6");
            persistence.userStore().register(kuaishouUser("ks-new-v6"));
        }
        try (MyBatisPersistence reopened = open()) {
            assertThat(reopened.layout()).isEqualTo("v6");
            assertThat(reopened.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-new-v6")))
                    .map(User::numberCode).hasValueSatisfying(code -> assertThat(code).startsWith("8888").hasSize(14));
        }
        assertThat(table.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) = 'sxo_user_platform'")).isEqualTo("17");
        assertThat(table.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) = 'sxo_user' AND LOWER(COLUMN_NAME) = 'weixin_openid'")).isEqualTo("0");
    }

    @Test
    void a_new_database_gets_shopxo_v2s_table_unless_said_otherwise() {
        try (MyBatisPersistence persistence = open()) {
            assertThat(persistence.layout()).isEqualTo("v2");
        }
        assertThat(table.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) = 'sxo_user_platform'")).isEqualTo("0");
    }

    @Test
    void a_user_table_with_the_openid_columns_beside_a_platform_table_is_refused_as_both_layouts() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v2.2.8").toArray(String[]::new));
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").get(1));

        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedShopSchemaException.class)
                .hasMessageContaining("both ShopXO layouts");
        assertThat(ownTables()).isEqualTo("0");
    }

    @Test
    void a_platform_table_lacking_a_column_is_refused_naming_it() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").toArray(String[]::new));
        table.execute("ALTER TABLE sxo_user_platform DROP COLUMN kuaishou_openid");

        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedShopSchemaException.class)
                .hasMessageContaining("sxo_user_platform lacks kuaishou_openid");
        assertThat(ownTables()).isEqualTo("0");
    }

    private String ownTables() {
        return table.queryText("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) LIKE 'sxo\\_minipass%'");
    }

    /** @param tables quoted lower-case names, comma-separated */
    private String columnsOf(String tables) {
        return table.queryText("SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', DATA_TYPE, ' ',"
                + " CHARACTER_MAXIMUM_LENGTH) ORDER BY TABLE_NAME, ORDINAL_POSITION SEPARATOR ',')"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND LOWER(TABLE_NAME) IN (" + tables + ")");
    }

    @Test
    void a_user_table_without_openid_and_token_columns_is_refused_naming_them() {
        table.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").get(0));

        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedShopSchemaException.class)
                .hasMessageContaining("weixin_openid")
                .hasMessageContaining("token")
                .hasMessageContaining("v2.2.0–v2.3.2");
    }

    private MyBatisPersistence open() {
        return MyBatisPersistence.open(database.settings(PREFIX));
    }

    private static NewUser kuaishouUser(String openId) {
        return NewUsers.newcomer(Platform.KUAISHOU, new OpenId(openId), Optional.empty(),
                new Profile("快手😀", "", Gender.SECRET, "", ""), "", 0, UserStatus.NORMAL, "", 1L);
    }
}
