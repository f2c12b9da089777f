package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "d41d8cd98f00b204e9800998ecf8427e", "shopxo-md5-token"})
    void takes_what_the_shop_and_this_service_issue(String text) {
        assertThat(new Token(text).value()).isEqualTo(text);
        assertThat(Token.fromClient(text)).contains(new Token(text));
    }

    @Test
    void is_at_most_sixty_characters() {
        assertThat(Token.fromClient("x".repeat(60))).isPresent();
        assertThat(Token.fromClient("x".repeat(61))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "abc ", " abc", "a b", "a\tb", "a\nb", "令牌", "a\u007f"})
    void anything_else_a_client_sends_is_no_token(String sent) {
        assertThat(Token.fromClient(sent)).isEmpty();
        assertThatThrownBy(() -> new Token(sent)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void never_prints_its_text() {
        Token token = new Token("0123456789abcdef0123456789abcdef");

        assertThat(token.toString()).doesNotContain("0123456789abcdef").isEqualTo("Token[32 characters]");
        assertThatThrownBy(() -> new Token("a b")).hasMessageNotContaining("a b");
    }
}
