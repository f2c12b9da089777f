package io.minipass.adapters.persistence;

import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCacheAdapterTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final LoginIdentity WEIXIN_LOGIN = login(Platform.WEIXIN, "o-cached");

    private H2TestDatabase database;
    private MyBatisPersistence persistence;
    private DirectUserTable table;
    private User user;

    @BeforeEach
    void open() {
        database = H2TestDatabase.create();
        persistence = MyBatisPersistence.open(database.settings("sxo_"));
        table = new DirectUserTable(database, "sxo_");
        user = persistence.userStore().register(NewUsers.newcomer(Platform.WEIXIN, new OpenId("o-cached"),
                Optional.empty(), Profile.EMPTY, "", 0, UserStatus.NORMAL, TOKEN, 100L));
    }

    @AfterEach
    void close() {
        persistence.close();
        database.drop();
    }

    @Test
    void a_cached_token_is_served_without_the_database_until_it_expires() {
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken(new Token(TOKEN))).map(holder -> holder.user().status())
                .contains(UserStatus.NORMAL);

        table.setStatus(user.id(), UserStatus.BANNED);

        assertThat(cache.findLiveByToken(new Token(TOKEN))).map(holder -> holder.user().status())
                .contains(UserStatus.NORMAL);
        assertThat(persistence.userStore().findLiveByToken(new Token(TOKEN))).map(holder -> holder.user().status())
                .contains(UserStatus.BANNED);
    }

    @Test
    void the_persistence_counts_look_ups_served_from_memory_and_from_the_database() {
        var ports = persistence.userStorePorts(Duration.ofMinutes(1), token -> { }, (onReplaced, onPossiblyMissed) -> { });

        ports.tokens().findLiveByToken(new Token(TOKEN));
        ports.tokens().findLiveByToken(new Token(TOKEN));
        ports.tokens().findLiveByToken(new Token("ffffffffffffffffffffffffffffffff"));

        assertThat(persistence.tokenCacheHits()).isEqualTo(1);
        assertThat(persistence.tokenCacheMisses()).isEqualTo(2);
    }

    @Test
    void without_a_cache_lifetime_every_look_up_reads_the_database() {
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ZERO, 1000);
        cache.findLiveByToken(new Token(TOKEN));

        table.softDelete(user.id(), 5L);

        assertThat(cache.findLiveByToken(new Token(TOKEN))).isEmpty();
    }

    @Test
    void a_new_token_issued_here_drops_the_old_one_at_once() {
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken(new Token(TOKEN))).isPresent();

        cache.issueToken(user, WEIXIN_LOGIN, new Token("ffffffffffffffffffffffffffffffff"), 200L);

        assertThat(cache.findLiveByToken(new Token(TOKEN))).isEmpty();
        assertThat(cache.findLiveByToken(new Token("ffffffffffffffffffffffffffffffff"))).map(TokenHolder::issuedAt)
                .contains(200L);
    }

    @Test
    void binding_an_openid_or_a_mobile_also_drops_the_old_token() {
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        cache.findLiveByToken(new Token(TOKEN));
        cache.bindOpenId(user, login(Platform.QQ, "o-qq"), new Token("11111111111111111111111111111111"), 300L);
        assertThat(cache.findLiveByToken(new Token(TOKEN))).isEmpty();

        cache.findLiveByToken(new Token("11111111111111111111111111111111"));
        cache.bindMobile(user, WEIXIN_LOGIN, "13800138000", new Token("22222222222222222222222222222222"), 400L);
        assertThat(cache.findLiveByToken(new Token("11111111111111111111111111111111"))).isEmpty();
        assertThat(cache.findLiveByToken(new Token("22222222222222222222222222222222")))
                .map(holder -> holder.user().mobile())
                .contains("13800138000");
    }

    @Test
    void unknown_tokens_are_not_remembered() {
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000);
        assertThat(cache.findLiveByToken(new Token("99999999999999999999999999999999"))).isEmpty();

        table.setToken(user.id(), "99999999999999999999999999999999");

        assertThat(cache.findLiveByToken(new Token("99999999999999999999999999999999"))).isPresent();
        assertThat(Token.fromClient("")).as("an empty token is none: never looked up").isEmpty();
    }
    // --- several nodes: replaced tokens announced and heard (ReplacedTokens) --------------------------

    @Test
    void every_write_that_replaces_a_token_announces_the_old_one_even_when_this_node_never_cached_it() {
        Channel channel = new Channel();
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000, channel);

        cache.issueToken(user, WEIXIN_LOGIN, new Token("11111111111111111111111111111111"), 200L);
        cache.bindOpenId(user, login(Platform.QQ, "o-qq-announced"), new Token("22222222222222222222222222222222"),
                300L);
        cache.bindMobile(user, WEIXIN_LOGIN, "13800138001", new Token("33333333333333333333333333333333"), 400L);

        assertThat(channel.announced).containsExactly(TOKEN, "11111111111111111111111111111111",
                "22222222222222222222222222222222");
    }

    @Test
    void a_write_that_fails_announces_nothing() {
        Channel channel = new Channel();
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(1), 1000, channel);
        User other = persistence.userStore().register(NewUsers.newcomer(Platform.WEIXIN, new OpenId("o-other"),
                Optional.empty(), Profile.EMPTY, "", 0, UserStatus.NORMAL, "44444444444444444444444444444444", 100L));

        assertThatThrownBy(() -> cache.bindOpenId(other, login(Platform.WEIXIN, "o-cached"),
                new Token("55555555555555555555555555555555"), 500L)).isInstanceOf(RuntimeException.class);

        assertThat(channel.announced).isEmpty();
        assertThat(cache.findLiveByToken(new Token("44444444444444444444444444444444"))).isPresent();
    }

    @Test
    void a_token_replaced_on_another_node_is_refused_here_at_once() {
        Channel channel = new Channel();
        TokenCache nodeA = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);
        TokenCache nodeB = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);
        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).isPresent();

        nodeB.issueToken(user, WEIXIN_LOGIN, new Token("66666666666666666666666666666666"), 600L);

        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).isEmpty();
        assertThat(nodeA.findLiveByToken(new Token("66666666666666666666666666666666"))).isPresent();
    }

    @Test
    void a_login_of_a_user_loaded_before_another_nodes_login_announces_the_token_that_login_issued() {
        Channel channel = new Channel();
        TokenCache nodeA = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);
        TokenCache nodeB = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);

        nodeA.issueToken(user, WEIXIN_LOGIN, new Token("88888888888888888888888888888888"), 800L);
        nodeB.issueToken(user, WEIXIN_LOGIN, new Token("99999999999999999999999999999999"), 900L);

        assertThat(channel.announced).containsExactly(TOKEN, "88888888888888888888888888888888");
        assertThat(nodeA.findLiveByToken(new Token("88888888888888888888888888888888"))).isEmpty();
    }

    @Test
    void without_the_channel_another_nodes_replacement_shows_only_when_the_entry_expires() {
        TokenCache nodeA = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, TestSettings.noChannel());
        TokenCache nodeB = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, TestSettings.noChannel());
        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).isPresent();

        nodeB.issueToken(user, WEIXIN_LOGIN, new Token("77777777777777777777777777777777"), 700L);

        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).as("the lag the channel removes").isPresent();
    }

    @Test
    void an_announcement_heard_while_a_look_up_reads_the_database_keeps_the_old_token_out_of_the_cache() {
        Channel channel = new Channel();
        TokenCache nodeA = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);
        // the look-up read the row before the other node's write; the announcement arrives before it caches
        channel.hear(TOKEN);

        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).as("answered from the read it made").isPresent();
        table.setToken(user.id(), "88888888888888888888888888888888");

        assertThat(nodeA.findLiveByToken(new Token(TOKEN))).as("not served from the cache").isEmpty();
    }

    @Test
    void possibly_missed_announcements_drop_the_whole_cache() {
        Channel channel = new Channel();
        TokenCache cache = TestSettings.tokenCache(persistence.userStore(), Duration.ofMinutes(10), 1000, channel);
        assertThat(cache.findLiveByToken(new Token(TOKEN))).isPresent();
        table.setStatus(user.id(), UserStatus.BANNED);
        assertThat(cache.findLiveByToken(new Token(TOKEN))).map(holder -> holder.user().status())
                .contains(UserStatus.NORMAL);

        channel.possiblyMissed();

        assertThat(cache.findLiveByToken(new Token(TOKEN))).map(holder -> holder.user().status())
                .contains(UserStatus.BANNED);
    }

    private static LoginIdentity login(Platform platform, String openId) {
        return new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(platform, new OpenId(openId),
                Optional.empty()));
    }

    /** A channel in this process: what one cache announces, every listening cache hears at once. */
    private static final class Channel implements ReplacedTokens {
        final List<String> announced = new ArrayList<>();
        private final List<Consumer<String>> onReplaced = new CopyOnWriteArrayList<>();
        private final List<Runnable> onPossiblyMissed = new CopyOnWriteArrayList<>();

        @Override
        public void announce(String replacedToken) {
            announced.add(replacedToken);
            hear(replacedToken);
        }

        @Override
        public void listen(Consumer<String> replaced, Runnable possiblyMissed) {
            onReplaced.add(replaced);
            onPossiblyMissed.add(possiblyMissed);
        }

        void hear(String token) {
            onReplaced.forEach(listener -> listener.accept(token));
        }

        void possiblyMissed() {
            onPossiblyMissed.forEach(Runnable::run);
        }
    }
}
