package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The MyBatis adapter on embedded H2 in MySQL mode. */
class H2UserStoreAdapterTest extends MyBatisUserStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return H2TestDatabase.create();
    }

    @Test
    void the_embedded_default_url_keeps_users_in_a_file_across_restarts(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("minipass").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        DatabaseSettings settings = new DatabaseSettings(url, "", "", PREFIX, 4);
        OpenId openId = new OpenId("fileOpenid");
        User registered;
        try (MyBatisPersistence first = MyBatisPersistence.open(settings)) {
            registered = first.userStore().register(new NewUser(Platform.WEIXIN, openId, Optional.empty(),
                    new Profile("文件😀", "", Gender.FEMALE, "", ""), "", 0, UserStatus.NORMAL, "", 1L));
        }

        try (MyBatisPersistence second = MyBatisPersistence.open(settings)) {
            assertThat(second.userStore().findLiveByOpenId(Platform.WEIXIN, openId)).contains(registered);
        }
    }
}
