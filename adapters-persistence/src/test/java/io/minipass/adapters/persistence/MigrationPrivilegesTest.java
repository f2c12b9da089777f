package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationPrivilegesTest {

    @Test
    void a_grant_applies_to_every_database_or_to_those_its_pattern_matches() {
        assertThat(MigrationPrivileges.appliesTo("*.*", "shop")).isTrue();
        assertThat(MigrationPrivileges.appliesTo("`shop`.*", "shop")).isTrue();
        assertThat(MigrationPrivileges.appliesTo("`shop`.*", "Shop")).isTrue();
        assertThat(MigrationPrivileges.appliesTo("`shop_%`.*", "shop_prod")).isTrue();
        assertThat(MigrationPrivileges.appliesTo("`shop\\_prod`.*", "shopxprod")).isFalse();
        assertThat(MigrationPrivileges.appliesTo("`shop_prod`.*", "shopxprod")).as("_ is any one character").isTrue();
        assertThat(MigrationPrivileges.appliesTo("`shop`.`sxo_user`", "shop")).as("a table's grant").isFalse();
        assertThat(MigrationPrivileges.appliesTo("`other`.*", "shop")).isFalse();
    }
}
