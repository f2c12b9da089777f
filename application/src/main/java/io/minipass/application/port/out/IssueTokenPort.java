package io.minipass.application.port.out;

import io.minipass.domain.user.User;

/** Gives a user a new login token, replacing (and so invalidating) the previous one. */
public interface IssueTokenPort {
    /**
     * @param user the user as loaded for this login: the token they held then lets a store replace it without
     *             locking first when nothing changed it since; whatever token they hold now is replaced either way
     */
    void issueToken(User user, String token, long now);
}
