package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    @Test
    void cuts_nickname_and_places_to_sixty_characters_without_splitting_emoji() {
        String emoji = "😀".repeat(70);
        Profile profile = new Profile(emoji, "", Gender.SECRET, "省".repeat(61), "x".repeat(100));

        assertThat(TextFit.length(profile.nickname())).isEqualTo(60);
        assertThat(profile.nickname()).isEqualTo("😀".repeat(60));
        assertThat(profile.province()).isEqualTo("省".repeat(60));
        assertThat(profile.city()).hasSize(60);
    }

    @Test
    void keeps_markup_as_sent() {
        assertThat(new Profile("<b>hi</b>", "", null, null, null).nickname()).isEqualTo("<b>hi</b>");
    }

    @Test
    void unescapes_amp_in_avatar_urls() {
        assertThat(new Profile("", "https://a.example/x?a=1&amp;b=2", null, "", "").avatar())
                .isEqualTo("https://a.example/x?a=1&b=2");
    }

    @Test
    void drops_an_avatar_that_does_not_fit_whole() {
        String fits = "https://a.example/" + "a".repeat(255 - 18);
        String tooLong = fits + "b";

        assertThat(new Profile("", fits, null, "", "").avatar()).isEqualTo(fits);
        assertThat(new Profile("", tooLong, null, "", "").avatar()).isEmpty();
    }

    @Test
    void nulls_become_empty() {
        Profile profile = new Profile(null, null, null, null, null);
        assertThat(profile).isEqualTo(Profile.EMPTY);
    }
}
