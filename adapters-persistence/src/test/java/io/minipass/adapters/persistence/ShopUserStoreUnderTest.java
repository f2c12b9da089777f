package io.minipass.adapters.persistence;

import io.minipass.application.testing.UserStoreUnderTest;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

/** A layout's store for the shared contract, with ShopXO's own writes done by plain JDBC. */
record ShopUserStoreUnderTest(ShopUserStore store, DirectUserTable table) implements UserStoreUnderTest {
    @Override
    public ShopUserStore directory() {
        return store;
    }

    @Override
    public ShopUserStore accounts() {
        return store;
    }

    @Override
    public ShopUserStore tokens() {
        return store;
    }

    @Override
    public ShopUserStore revokeTokens() {
        return store;
    }

    @Override
    public User insertDirectly(User user) {
        return table.insert(user);
    }

    @Override
    public void softDelete(UserId id, long deleteTime) {
        table.softDelete(id, deleteTime);
    }

    @Override
    public void setStatus(UserId id, UserStatus status) {
        table.setStatus(id, status);
    }

    @Override
    public int countUsers() {
        return table.countUsers();
    }
}
