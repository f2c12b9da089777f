package io.minipass.application.port.out;

import io.minipass.domain.user.UserId;

/** Gives a user a new login token, replacing (and so invalidating) the previous one. */
public interface IssueTokenPort {
    void issueToken(UserId userId, String token, long now);
}
