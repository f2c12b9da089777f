package io.minipass.adapters.persistence;

import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MyBatis adapter on a real MariaDB (or MySQL) server through MySQL Connector/J; the server is
 * described in {@link MariaDbTestDatabase}. An unreachable server fails these tests.
 */
class MariaDbUserColumnsStoreAdapterTest extends UserColumnsStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }

    @Test
    void an_emoji_nickname_is_stored_as_four_byte_utf8_in_a_latin1_database() {
        OpenId openId = uniqueOpenId();
        User user = persistence.userStore().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                new Profile("😀", "", Gender.SECRET, "", ""), "", 0, UserStatus.NORMAL, "", 1L));

        assertThat(table.queryText("SELECT HEX(nickname) FROM sxo_user WHERE id = ?", user.id().value()))
                .isEqualTo("F09F9880");
        assertThat(table.queryText("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"))
                .isEqualTo("latin1");
    }

    @Test
    void every_table_of_the_service_is_utf8mb4_innodb() {
        for (String name : new String[] {"user", "minipass_openid_claim", "minipass_mobile_claim",
                "minipass_user_identity", "minipass_token"}) {
            assertThat(table.queryText("SELECT CONCAT(ENGINE, ' ', TABLE_COLLATION) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?", PREFIX + name))
                    .as(name).startsWith("InnoDB utf8mb4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql:|useUnicode=true&characterEncoding=utf8&serverTimezone=Asia/Shanghai&useSSL=false",
            "jdbc:mysql:|characterEncoding=UTF-8",
            "jdbc:mysql:|characterEncoding=utf8mb4",
            "jdbc:mysql:|characterEncoding=utf8&characterSetResults=utf8&useUnicode=false",
            "jdbc:mariadb:|useUnicode=true&characterEncoding=utf8&useSSL=false"})
    void an_emoji_profile_round_trips_byte_for_byte_whatever_the_usual_url_options_say(String schemeAndOptions) {
        String scheme = schemeAndOptions.substring(0, schemeAndOptions.indexOf('|'));
        String options = schemeAndOptions.substring(schemeAndOptions.indexOf('|') + 1);
        String url = database.url().replaceFirst("^jdbc:mysql:", scheme);
        url += (url.contains("?") ? "&" : "?") + options;
        String nickname = "😀店主𠮷👨‍👩‍👧";
        String city = "🏙️深圳";
        OpenId openId = uniqueOpenId();
        try (MyBatisPersistence opened = MyBatisPersistence.open(
                TestSettings.settings(url, database.username(), database.password(), PREFIX, 2))) {
            User user = opened.userStore().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(),
                    new Profile(nickname, "", Gender.SECRET, "", city), "", 0, UserStatus.NORMAL, "", 1L));

            assertThat(opened.userStore().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId))
                    .hasValueSatisfying(found -> {
                        assertThat(found.nickname()).isEqualTo(nickname);
                        assertThat(found.city()).isEqualTo(city);
                    });
            assertThat(table.queryText("SELECT HEX(nickname) FROM sxo_user WHERE id = ?", user.id().value()))
                    .isEqualTo(HexFormat.of().withUpperCase().formatHex(nickname.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void text_columns_keep_shopxos_lengths_in_characters() {
        assertThat(table.queryText("SELECT GROUP_CONCAT(CONCAT(COLUMN_NAME, ':', CHARACTER_MAXIMUM_LENGTH)"
                + " ORDER BY COLUMN_NAME SEPARATOR ',') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'sxo_user' AND COLUMN_NAME IN ('nickname', 'avatar', 'province', 'city')"))
                .isEqualTo("avatar:255,city:60,nickname:60,province:60");
    }

    @Test
    void a_jdbc_mariadb_url_is_served_by_connector_j() {
        String url = database.url().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        try (MyBatisPersistence opened = MyBatisPersistence.open(
                TestSettings.settings(url, database.username(), database.password(), PREFIX, 2))) {
            assertThat(opened.isReachable()).isTrue();
        }
    }
}
