package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MyBatis adapter on a real MariaDB (or MySQL) server through MySQL Connector/J; the server is
 * described in {@link MariaDbTestDatabase}. An unreachable server fails these tests.
 */
class MariaDbUserStoreAdapterTest extends MyBatisUserStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }

    @Test
    void an_emoji_nickname_is_stored_as_four_byte_utf8_in_a_latin1_database() {
        OpenId openId = uniqueOpenId();
        User user = persistence.userStore().register(new NewUser(Platform.WEIXIN, openId, Optional.empty(),
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

    @Test
    void a_jdbc_mariadb_url_is_served_by_connector_j() {
        String url = database.url().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        try (MyBatisPersistence opened = MyBatisPersistence.open(
                new DatabaseSettings(url, database.username(), database.password(), PREFIX, 2))) {
            assertThat(opened.isReachable()).isTrue();
        }
    }
}
