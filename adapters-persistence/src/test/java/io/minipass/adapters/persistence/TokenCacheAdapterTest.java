package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheAdapterTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private H2TestDatabase database;
    private MyBatisPersistence persistence;
    private DirectUserTable table;
    private User user;

    @BeforeEach
    void open() {
        database = H2TestDatabase.create();
        persistence = MyBatisPersistence.open(database.settings("sxo_"));
        table = new DirectUserTable(database, "sxo_");
        user = persistence.userStore().register(new NewUser(Platform.WEIXIN, new OpenId("o-cached"), Optional.empty(),
                Profile.EMPTY, "", 0, UserStatus.NORMAL, TOKEN, 100L));
    }

    @AfterEach
    void close() {
        persistence.close();
        database.drop();
    }

    @Test
    void a_cached_token_is_served_without_the_database_until_it_expires() {
        TokenCache cache = new TokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken(TOKEN)).map(holder -> holder.user().status()).contains(UserStatus.NORMAL);

        table.setStatus(user.id(), UserStatus.BANNED);

        assertThat(cache.findLiveByToken(TOKEN)).map(holder -> holder.user().status()).contains(UserStatus.NORMAL);
        assertThat(persistence.userStore().findLiveByToken(TOKEN)).map(holder -> holder.user().status())
                .contains(UserStatus.BANNED);
    }

    @Test
    void the_persistence_counts_look_ups_served_from_memory_and_from_the_database() {
        TokenCacheCounts counts = persistence.tokenCacheCounts();
        var ports = persistence.userStorePorts(Duration.ofMinutes(1));

        ports.loadByToken().findLiveByToken(TOKEN);
        ports.loadByToken().findLiveByToken(TOKEN);
        ports.loadByToken().findLiveByToken("ffffffffffffffffffffffffffffffff");
        ports.loadByToken().findLiveByToken("");

        assertThat(counts.hits()).isEqualTo(1);
        assertThat(counts.misses()).isEqualTo(2);
    }

    @Test
    void without_a_cache_lifetime_every_look_up_reads_the_database() {
        TokenCache cache = new TokenCache(persistence.userStore(), Duration.ZERO, 1000);
        cache.findLiveByToken(TOKEN);

        table.softDelete(user.id(), 5L);

        assertThat(cache.findLiveByToken(TOKEN)).isEmpty();
    }

    @Test
    void a_new_token_issued_here_drops_the_old_one_at_once() {
        TokenCache cache = new TokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken(TOKEN)).isPresent();

        cache.issueToken(user.id(), "ffffffffffffffffffffffffffffffff", 200L);

        assertThat(cache.findLiveByToken(TOKEN)).isEmpty();
        assertThat(cache.findLiveByToken("ffffffffffffffffffffffffffffffff")).map(TokenHolder::issuedAt).contains(200L);
    }

    @Test
    void binding_an_openid_or_a_mobile_also_drops_the_old_token() {
        TokenCache cache = new TokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        cache.findLiveByToken(TOKEN);
        cache.bindOpenId(user.id(), Platform.QQ, new OpenId("o-qq"), "11111111111111111111111111111111", 300L);
        assertThat(cache.findLiveByToken(TOKEN)).isEmpty();

        cache.findLiveByToken("11111111111111111111111111111111");
        cache.bindMobile(user.id(), "13800138000", "22222222222222222222222222222222", 400L);
        assertThat(cache.findLiveByToken("11111111111111111111111111111111")).isEmpty();
        assertThat(cache.findLiveByToken("22222222222222222222222222222222")).map(holder -> holder.user().mobile())
                .contains("13800138000");
    }

    @Test
    void unknown_tokens_are_not_remembered() {
        TokenCache cache = new TokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken("99999999999999999999999999999999")).isEmpty();

        table.setToken(user.id(), "99999999999999999999999999999999");

        assertThat(cache.findLiveByToken("99999999999999999999999999999999")).isPresent();
        assertThat(cache.findLiveByToken("")).isEmpty();
    }
}
