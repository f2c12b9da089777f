package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserDisplayTest {

    @Test
    void masks_the_middle_of_a_mobile_and_an_email() {
        assertThat(UserDisplay.mask("13800138000")).isEqualTo("138***000");
        assertThat(UserDisplay.mask("devil@shopxo.net")).isEqualTo("dev***net");
        assertThat(UserDisplay.mask("")).isEmpty();
        assertThat(UserDisplay.mask(null)).isEmpty();
    }

    @Test
    void display_name_is_the_first_non_empty_of_username_nickname_mobile_email() {
        assertThat(UserDisplay.displayName("user", "nick", "13800138000", "a@b.cn")).isEqualTo("user");
        assertThat(UserDisplay.displayName("", "nick", "13800138000", "a@b.cn")).isEqualTo("nick");
        assertThat(UserDisplay.displayName("", "", "13800138000", "a@b.cn")).isEqualTo("138***000");
        assertThat(UserDisplay.displayName("", "", "", "abcdef@b.cn")).isEqualTo("abc***.cn");
        assertThat(UserDisplay.displayName("", "", "", "")).isEmpty();
    }

    @Test
    void a_users_display_name_is_read_from_its_columns() {
        assertThat(UserDisplay.displayName(UserTest.user("", "nick", "13800138000", ""))).isEqualTo("nick");
        assertThat(UserDisplay.displayName(UserTest.user("", "", "13800138000", ""))).isEqualTo("138***000");
    }
}
