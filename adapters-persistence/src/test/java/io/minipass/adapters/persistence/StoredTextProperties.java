package io.minipass.adapters.persistence;

import io.minipass.application.testing.ClientTexts;
import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile text of any kind, fitted by {@link Profile}, is stored and reads back as it is, on every database and layout. */
class StoredTextProperties {
    private static final AtomicLong OPENIDS = new AtomicLong();
    private static StoresOnEachDatabase stores;

    @BeforeContainer
    static void open() {
        stores = StoresOnEachDatabase.open();
    }

    @AfterContainer
    static void drop() {
        if (stores != null) {
            stores.close();
        }
    }

    @Property(tries = 100)
    void what_is_stored_reads_back_as_the_profile_holds_it(@ForAll("texts") String nickname, @ForAll("texts") String avatar,
                                                           @ForAll("texts") String province, @ForAll("texts") String city) {
        Profile profile = new Profile(nickname, avatar, null, province, city);
        for (StoresOnEachDatabase.Store store : stores.all()) {
            OpenId openId = new OpenId("text" + OPENIDS.incrementAndGet());
            User registered = store.users().register(NewUsers.newcomer(Platform.WEIXIN, openId, Optional.empty(), profile,
                    "", 0, UserStatus.NORMAL, "", 1L));

            User found = store.users().findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, openId).orElseThrow();
            same(store.name() + " nickname", found.nickname(), profile.nickname());
            same(store.name() + " nickname the registration answered", registered.nickname(), found.nickname());
            same(store.name() + " avatar", found.avatar(), profile.avatar());
            same(store.name() + " province", found.province(), profile.province());
            same(store.name() + " city", found.city(), profile.city());
            if (store.isMariaDb()) {
                assertThat(store.table().queryText("SELECT HEX(nickname) FROM sxo_user WHERE id = ?", found.id().value()))
                        .as(store.name()).isEqualTo(utf8Hex(profile.nickname()));
            }
        }
    }

    /** The property's first find: MySQL's driver stored a lone surrogate half as '?', where H2 kept it. */
    @Example
    void a_lone_surrogate_half_is_stored_as_a_replacement_character_on_every_database() {
        what_is_stored_reads_back_as_the_profile_holds_it("\ud83d", "\ud800", "\udfff", "a\ud800b");
    }

    /** Its second: ShopXO's CHAR columns drop trailing spaces, so the registration answered "Tom " and every later read "Tom". */
    @Example
    void trailing_spaces_read_the_same_at_registration_and_after_on_every_layout() {
        what_is_stored_reads_back_as_the_profile_holds_it("Tom ", "https://a.cn/x.png ", " ", "\t ");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ClientTexts.any(80), ClientTexts.any(300));
    }

    /** Equal text, or a failure that spells both out in code points (a NUL would cut the report short). */
    private static void same(String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError(what + ": read " + codePoints(actual) + ", expected " + codePoints(expected));
        }
    }

    private static String codePoints(String text) {
        StringBuilder spelled = new StringBuilder("[");
        text.codePoints().forEach(c -> spelled.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("U+%04X", c))
                .append(' '));
        return spelled.append(']').toString();
    }

    private static String utf8Hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
