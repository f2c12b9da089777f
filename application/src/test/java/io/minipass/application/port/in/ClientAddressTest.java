package io.minipass.application.port.in;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void an_ipv6_client_is_budgeted_per_64_since_one_subscriber_owns_the_whole_64() {
        assertThat(new ClientAddress("2001:db8:1:2::1").budgetKey()).isEqualTo("2001:db8:1:2::/64");
        assertThat(new ClientAddress("2001:db8:1:2:ffff:ffff:ffff:ffff").budgetKey()).isEqualTo("2001:db8:1:2::/64");
        assertThat(new ClientAddress("2001:db8:1:3::1").budgetKey()).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void an_ipv4_client_and_anything_else_is_budgeted_per_address() {
        assertThat(new ClientAddress("203.0.113.7").budgetKey()).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress("::ffff:203.0.113.7").budgetKey()).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress("").budgetKey()).isEmpty();
        assertThat(new ClientAddress("local").budgetKey()).isEqualTo("local");
    }

    @Test
    void a_text_shaped_like_ipv6_that_is_no_address_is_its_own_budget() {
        assertThat(new ClientAddress("1:2:3:4:5:6:7:8:9").budgetKey()).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(new ClientAddress(":::").budgetKey()).isEqualTo(":::");
    }

    @Test
    void prints_as_the_address_or_unknown() {
        assertThat(new ClientAddress("203.0.113.7")).hasToString("203.0.113.7");
        assertThat(ClientAddress.UNKNOWN).hasToString("unknown");
    }
}
