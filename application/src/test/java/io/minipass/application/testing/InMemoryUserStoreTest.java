package io.minipass.application.testing;

import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

/** The in-memory adapter keeps the same promises as the real one, so use-case tests can trust it. */
class InMemoryUserStoreTest extends UserStoreContractTest {

    @Override
    protected UserStoreUnderTest freshStore() {
        InMemoryUserStore memory = new InMemoryUserStore();
        return new UserStoreUnderTest() {
            public InMemoryUserStore directory() { return memory; }
            public InMemoryUserStore accounts() { return memory; }
            public InMemoryUserStore tokens() { return memory; }
            public InMemoryUserStore revokeTokens() { return memory; }
            public User insertDirectly(User user) { return memory.put(user); }
            public void softDelete(UserId id, long deleteTime) { memory.softDelete(id, deleteTime); }
            public void setStatus(UserId id, UserStatus status) { memory.setStatus(id, status); }
            public int countUsers() { return memory.count(); }
        };
    }
}
