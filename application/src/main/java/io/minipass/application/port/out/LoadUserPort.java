package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.Optional;

/**
 * Finds users. Every look-up by id text is exact: no case folding, no ignored trailing spaces,
 * never a match on an empty column.
 */
public interface LoadUserPort {

    /** The live (not soft-deleted) user holding this platform's openid. */
    Optional<User> findLiveByOpenId(Platform platform, OpenId openId);

    /** The live user holding this platform's unionid; the lowest id if several do. */
    Optional<User> findLiveByUnionId(Platform platform, UnionId unionId);

    /** The user with this id, soft-deleted or not. */
    Optional<User> findById(UserId id);
}
