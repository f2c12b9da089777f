package io.minipass.application.testing;

import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

/** One adapter's user ports, plus the writes another program (a shop admin) makes behind our back. */
public interface UserStoreUnderTest {
    UserDirectory directory();

    UserAccounts accounts();

    LoadUserByTokenPort tokens();

    RevokeUserTokensPort revokeTokens();

    /** Writes a whole user row directly, as ShopXO itself would, without any claim of ours. */
    User insertDirectly(User user);

    void softDelete(UserId id, long deleteTime);

    void setStatus(UserId id, UserStatus status);

    int countUsers();
}
