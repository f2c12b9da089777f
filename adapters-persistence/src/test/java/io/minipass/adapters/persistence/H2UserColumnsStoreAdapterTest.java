package io.minipass.adapters.persistence;

import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MyBatis adapter on embedded H2 in MySQL mode. */
class H2UserColumnsStoreAdapterTest extends UserColumnsStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return H2TestDatabase.create();
    }

    @Test
    void the_embedded_default_url_keeps_users_in_a_file_across_restarts(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("minipass").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        DatabaseSettings settings = TestSettings.settings(url, "", "", PREFIX, 4);
        OpenId openId = new OpenId("fileOpenid");
        User registered;
        try (MyBatisPersistence first = MyBatisPersistence.open(settings)) {
            registered = first.userStore().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                    new Profile("文件😀", "", Gender.FEMALE, "", ""), "", 0, UserStatus.NORMAL, "", 1L));
        }

        try (MyBatisPersistence second = MyBatisPersistence.open(settings)) {
            assertThat(second.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).contains(registered);
        }
    }

    @Test
    void an_operators_command_opens_a_served_database_without_migrating_and_refuses_one_without_shopxo_tables(
            @TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("served").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        DatabaseSettings settings = TestSettings.settings(url, "sa", "", PREFIX, 1);

        assertThatThrownBy(() -> MyBatisPersistence.openServed(settings))
                .isInstanceOf(UnsupportedShopSchemaException.class).hasMessageContaining("no ShopXO user table");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.ResultSet tables = connection.getMetaData().getTables(null, "public", "%", null)) {
            assertThat(tables.next() ? tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME") : "").as("nothing made").isEmpty();
        }

        User registered;
        try (MyBatisPersistence serving = MyBatisPersistence.open(settings)) {
            registered = serving.userStore().register(NewUsers.newcomer(Platform.WEIXIN, new OpenId("servedOpenid"),
                    Optional.empty(), new Profile("n", "", Gender.FEMALE, "", ""), "", 0, UserStatus.NORMAL,
                    "0123456789abcdef0123456789abcdef", 1L));
        }
        try (MyBatisPersistence command = MyBatisPersistence.openServed(settings)) {
            assertThat(command.users().findById(registered.id())).isPresent();
            assertThat(command.tokenRevocation().revokeTokens(registered.id()))
                    .containsExactly(new Token("0123456789abcdef0123456789abcdef"));
        }
    }

    @Test
    void an_h2_file_made_by_an_earlier_version_takes_four_byte_characters_after_the_next_start(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("old").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        DatabaseSettings settings = TestSettings.settings(url, "sa", "", PREFIX, 2);
        // What an earlier version left: migrations 1 to 3, VARCHAR(60) counting UTF-16 units.
        Flyway.configure(getClass().getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/minipass")
                .table(PREFIX + "minipass_schema_history")
                .placeholders(Map.of("prefix", PREFIX))
                .target("3")
                .load()
                .migrate();
        String nickname = "😀".repeat(Profile.NICKNAME_MAX);
        OpenId openId = new OpenId("oldFileOpenid");

        try (MyBatisPersistence upgraded = MyBatisPersistence.open(settings)) {
            upgraded.userStore().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                    new Profile(nickname, "", Gender.SECRET, "", ""), "", 0, UserStatus.NORMAL, "", 1L));

            assertThat(upgraded.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId)).map(User::nickname)
                    .contains(nickname);
        }
    }

    @Test
    void h2_text_columns_are_twice_shopxos_length_to_count_utf16_units() {
        assertThat(table.queryText("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'sxo_user' AND COLUMN_NAME = 'nickname'"))
                .isEqualTo("120");
        assertThat(table.queryText("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'sxo_user' AND COLUMN_NAME = 'avatar'"))
                .isEqualTo("510");
    }
}
