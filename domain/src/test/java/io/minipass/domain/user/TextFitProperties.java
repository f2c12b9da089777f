package io.minipass.domain.user;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class TextFitProperties {

    @Property
    void a_cut_is_the_texts_first_characters_up_to_the_limit_never_half_a_pair(
            @ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 70) int limit) {
        String cut = TextFit.cut(text, limit);

        assertThat(text).startsWith(cut);
        assertThat(TextFit.length(cut)).isEqualTo(Math.min(TextFit.length(text), limit));
        boolean splitsAPair = !cut.isEmpty() && cut.length() < text.length()
                && Character.isHighSurrogate(cut.charAt(cut.length() - 1)) && Character.isLowSurrogate(text.charAt(cut.length()));
        assertThat(splitsAPair).as("splits a pair").isFalse();
    }

    @Property
    void a_profile_holds_what_was_sent_fitted_to_its_columns(@ForAll("texts") String nickname,
                                                             @ForAll("texts") String avatar,
                                                             @ForAll("texts") String place) {
        Profile profile = new Profile(nickname, avatar, null, place, place);

        assertThat(profile.nickname()).isEqualTo(fitted(nickname, Profile.NICKNAME_MAX));
        assertThat(profile.province()).isEqualTo(fitted(place, Profile.PLACE_MAX)).isEqualTo(profile.city());
        String unescaped = avatar.replace("&amp;", "&");
        assertThat(profile.avatar()).isEqualTo(TextFit.length(unescaped) > Profile.AVATAR_MAX ? "" : unescaped);
        assertThat(profile.gender()).isEqualTo(Gender.SECRET);
        assertThat(new Profile(nickname, avatar, null, place, place)).as("equal inputs, equal profiles").isEqualTo(profile);
    }

    /** What a column gets: the first characters of the text, counted in code points. */
    private static String fitted(String text, int limit) {
        int[] codePoints = text.codePoints().limit(limit).toArray();
        return new String(codePoints, 0, codePoints.length);
    }

    @Provide
    Arbitrary<String> texts() {
        return Texts.any(300);
    }
}
