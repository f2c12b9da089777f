package io.minipass.adapters.persistence;

import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two openids (or unionids) that differ only in case, or where one is the other's prefix, are two users on every
 * database and layout: MySQL's collations fold case, the store matches exactly.
 */
class OpenIdExactnessProperties {
    private static final AtomicLong TRIES = new AtomicLong();
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

    /** A pair of different ids, each at most 60 characters. */
    record Pair(String one, String other) {
    }

    @Property(tries = 100)
    void ids_that_differ_in_any_way_never_find_each_others_user(@ForAll Platform platform, @ForAll("pairs") Pair openIds,
                                                                @ForAll("pairs") Pair unionIds) {
        // a prefix per try keeps the tries' users apart in the shared databases
        String tag = Long.toString(TRIES.incrementAndGet(), 36) + "_";
        OpenId first = new OpenId(tag + openIds.one());
        OpenId second = new OpenId(tag + openIds.other());
        Optional<UnionId> firstUnion = platform.hasUnionId() ? Optional.of(new UnionId(tag + unionIds.one())) : Optional.empty();
        Optional<UnionId> secondUnion = platform.hasUnionId() ? Optional.of(new UnionId(tag + unionIds.other())) : Optional.empty();
        for (StoresOnEachDatabase.Store store : stores.all()) {
            User one = store.users().register(NewUsers.newcomer(platform, first, firstUnion, Profile.EMPTY, "", 0,
                    UserStatus.NORMAL, "", 1L));

            assertThat(store.users().findLiveByOpenId(SystemType.DEFAULT, platform, second)).as(store.name()).isEmpty();
            secondUnion.ifPresent(union -> assertThat(store.users().findLiveByUnionId(SystemType.DEFAULT, platform, union))
                    .as(store.name()).isEmpty());

            User other = store.users().register(NewUsers.newcomer(platform, second, secondUnion, Profile.EMPTY, "", 0,
                    UserStatus.NORMAL, "", 1L));

            assertThat(other.id()).as(store.name()).isNotEqualTo(one.id());
            assertThat(store.users().findLiveByOpenId(SystemType.DEFAULT, platform, first)).as(store.name())
                    .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(one.id()));
            assertThat(store.users().findLiveByOpenId(SystemType.DEFAULT, platform, second)).as(store.name())
                    .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(other.id()));
            firstUnion.ifPresent(union -> assertThat(store.users().findLiveByUnionId(SystemType.DEFAULT, platform, union))
                    .as(store.name()).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(one.id())));
        }
    }

    /** An id, and one like it: another case of one letter or of all, one character longer, or one shorter. */
    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').withCharRange('a', 'z').ofMinLength(2).ofMaxLength(50)
                .filter(id -> id.chars().anyMatch(Character::isLetter));
        return ids.flatMap(id -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, id.length() - 1).filter(i -> Character.isLetter(id.charAt(i)))
                        .map(i -> new Pair(id, id.substring(0, i) + swapCase(id.charAt(i)) + id.substring(i + 1))),
                Arbitraries.of(new Pair(id, id.toUpperCase()), new Pair(id, id.toLowerCase()), new Pair(id, id.substring(1)),
                        new Pair(id, id.substring(0, id.length() - 1))),
                Combinators.combine(Arbitraries.chars().range('!', '~'), Arbitraries.of(true, false))
                        .as((c, atEnd) -> new Pair(id, atEnd ? id + c : c + id))))
                .filter(pair -> !pair.one().equals(pair.other()));
    }

    private static char swapCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }
}
