package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.Optional;

/**
 * Finds users, by their ids or contact details; never writes. Every look-up by id text is exact: no case folding,
 * no ignored trailing spaces, never a match on an empty column. Where the shop keeps ids in platform rows (ShopXO
 * v3 and later), a user found by an id reads as seen through its row of this system type and platform: that row's
 * ids and token; when it has no such row yet, its ids are the one the user was found by (and this platform's
 * unionid of the row that holds it), with no token. Where ids are columns of the user (ShopXO v2), the system type
 * changes nothing. Look-ups by token are {@link LoadUserByTokenPort}'s, which a cache serves.
 */
public interface UserDirectory {

    /** The live (not deleted, not closed) user holding this platform's openid. */
    Optional<User> findLiveByOpenId(SystemType systemType, Platform platform, OpenId openId);

    /** The live user holding this platform's unionid; the lowest id if several do. */
    Optional<User> findLiveByUnionId(SystemType systemType, Platform platform, UnionId unionId);

    /** The user with this id, deleted or not, read through no platform row. */
    Optional<User> findById(UserId id);

    /** The user with this member code (ShopXO v3 and later), deleted or not, the lowest id if several; exact. */
    Optional<User> findByNumberCode(String numberCode);

    /** The user with this email, deleted or not, the lowest id if several; exact. */
    Optional<User> findByEmail(String email);

    /** The live user holding a mobile number; exact match, the lowest id if several do. */
    Optional<User> findLiveByMobile(String mobile);
}
