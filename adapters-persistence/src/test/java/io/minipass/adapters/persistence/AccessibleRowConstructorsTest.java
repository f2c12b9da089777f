package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessibleRowConstructorsTest {
    private final AccessibleRowConstructors factory = new AccessibleRowConstructors();

    /** A row record of this module's, as package-private as the mappers' are. */
    private record TestRow(long userId, String token, long issuedAt) {
    }

    @Test
    void a_package_private_row_record_is_built_from_its_components() {
        TestRow row = factory.create(TestRow.class, List.of(long.class, String.class, long.class),
                List.of(7L, "abc", 9L));

        assertThat(row).isEqualTo(new TestRow(7, "abc", 9));
        assertThat(factory.create(TestRow.class, List.of(long.class, String.class, long.class),
                List.of(8L, "def", 10L))).isEqualTo(new TestRow(8, "def", 10));
    }

    @Test
    void other_types_are_built_as_mybatis_builds_them() {
        assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class);
        assertThat(factory.create(StringBuilder.class, List.of(String.class), List.of("x"))).hasToString("x");
    }

    @Test
    void a_row_without_such_a_constructor_is_refused_by_name() {
        assertThatThrownBy(() -> factory.create(TestRow.class, List.of(String.class), List.of("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TestRow");
    }
}
