package io.minipass.domain.user;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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
    void well_formed_text_keeps_every_character_and_mends_only_lone_surrogate_halves(@ForAll("texts") String text) {
        String mended = TextFit.wellFormed(text);

        assertThat(Texts.hasLoneSurrogate(mended)).isFalse();
        assertThat(mended).isEqualTo(fitted(text, Integer.MAX_VALUE));
        if (!Texts.hasLoneSurrogate(text)) {
            assertThat(mended).isSameAs(text);
        }
    }

    @Property
    void a_profile_holds_what_was_sent_fitted_to_its_columns(@ForAll("texts") String nickname,
                                                             @ForAll("texts") String avatar,
                                                             @ForAll("texts") String place) {
        Profile profile = new Profile(nickname, avatar, null, place, place);

        assertThat(profile.nickname()).isEqualTo(inCharColumn(fitted(nickname, Profile.NICKNAME_MAX)));
        assertThat(profile.province()).isEqualTo(inCharColumn(fitted(place, Profile.PLACE_MAX))).isEqualTo(profile.city());
        String unescaped = fitted(avatar, Integer.MAX_VALUE).replace("&amp;", "&");
        assertThat(profile.avatar()).isEqualTo(TextFit.length(unescaped) > Profile.AVATAR_MAX ? "" : inCharColumn(unescaped));
        assertThat(profile.gender()).isEqualTo(Gender.SECRET);
        assertThat(new Profile(nickname, avatar, null, place, place)).as("equal inputs, equal profiles").isEqualTo(profile);
        for (String text : new String[] {profile.nickname(), profile.avatar(), profile.province()}) {
            assertThat(Texts.hasLoneSurrogate(text)).as("a lone surrogate half: stored as '?' by MySQL's driver").isFalse();
        }
    }

    /** The property's find on ShopXO's CHAR columns: "Tom " was answered at registration, "Tom" ever after. */
    @Example
    void trailing_spaces_are_dropped_as_a_char_column_drops_them_after_the_cut() {
        Profile profile = new Profile("Tom  ", "https://a.cn/x.png ", null, "a" + " ".repeat(59) + "b", "\t ");

        assertThat(profile).isEqualTo(new Profile("Tom", "https://a.cn/x.png", null, "a", "\t"));
    }

    @Example
    void a_lone_surrogate_half_reads_as_a_replacement_character() {
        Profile profile = new Profile("\ud800", "\udfff", null, "a\ud83d", "\ud83d\ude00");

        assertThat(profile).isEqualTo(new Profile("\ufffd", "\ufffd", null, "a\ufffd", "\ud83d\ude00"));
    }

    /** MySQL's CHAR: trailing spaces (U+0020 only) are not kept. */
    private static String inCharColumn(String text) {
        return text.replaceFirst(" +\\z", "");
    }

    /**
     * What a column gets: the first characters of the text, counted in code points, a lone surrogate half (which
     * {@link String#codePoints} gives as itself) read as U+FFFD.
     */
    private static String fitted(String text, int limit) {
        int[] codePoints = text.codePoints().limit(limit).map(c -> c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c).toArray();
        return new String(codePoints, 0, codePoints.length);
    }

    @Provide
    Arbitrary<String> texts() {
        return Texts.any(300);
    }
}
