package io.minipass.application.port.out;

import java.util.Objects;

/**
 * The user store's roles, as one store adapter hands them out ready-made (a cache already in front of the token
 * look-ups and of the writes that replace a token), so wiring cannot mix them up.
 */
public record UserStorePorts(UserDirectory directory, UserAccounts accounts, LoadUserByTokenPort tokens) {
    public UserStorePorts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(tokens, "tokens");
    }
}
