package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import org.apache.ibatis.session.SqlSession;

import java.util.Optional;

/**
 * A newcomer's rows in ShopXO v2's user table: the user, the ids kept in our identity table, the claims and the
 * token, written in the caller's transaction ({@link UserColumnsStore#register}).
 */
record Registration(IdSlots slots, OpenIdClaims openIdClaims, MobileClaims mobileClaims) {

    /**
     * Inserts the newcomer with their claims and token, answering their row as the database completed it.
     *
     * @throws OpenIdAlreadyClaimedException when another live row holds the openid
     */
    UserRow insert(SqlSession session, NewUser newUser) {
        UserMapper users = session.getMapper(UserMapper.class);
        UserInsert insert = UserRowMapping.toInsert(newUser, slots.kuaishouColumnValue(newUser));
        users.insert(insert);
        long id = insert.getId();
        storeOwnTableIds(session, id, newUser);
        openIdClaims.claimOnly(session, newUser.platform(), newUser.openId(), id);
        if (!newUser.mobile().isEmpty()) {
            mobileClaims.claim(session, newUser.mobile(), id);
        }
        IssuedTokenMapper issued = session.getMapper(IssuedTokenMapper.class);
        if (newUser.token().isEmpty()) {
            issued.deleteByUserId(id);
        } else {
            issued.save(id, newUser.token().get().value(), newUser.addTime());
        }
        IdSlot slot = slots.openId(newUser.platform());
        UserRow stored = null;
        for (UserRow holder : slot.select(users, newUser.openId().value())) {
            User other = UserRowMapping.toUser(holder);
            if (holder.id() == id) {
                stored = holder;
            } else if (!other.isDeleted() && slot.holds(other, newUser.openId().value())) {
                throw new OpenIdAlreadyClaimedException(newUser.platform(), newUser.openId());
            }
        }
        if (stored == null || !ownTableIdsAreExactly(UserRowMapping.toUser(stored), newUser)) {
            session.getMapper(UserIdentityMapper.class).deleteAllOf(id);
            storeOwnTableIds(session, id, newUser);
            stored = users.selectById(id);
        }
        return stored;
    }

    /** Whether the ids our identity table gives the new row are the newcomer's own, and no others. */
    private boolean ownTableIdsAreExactly(User stored, NewUser newUser) {
        for (Platform platform : Platform.values()) {
            IdSlot openIdSlot = slots.openId(platform);
            if (openIdSlot instanceof IdSlot.OwnTable
                    && !openIdSlot.valueOf(stored).equals(platform == newUser.platform() ? newUser.openId().value() : "")) {
                return false;
            }
            Optional<IdSlot> unionIdSlot = slots.unionId(platform);
            if (unionIdSlot.isPresent() && unionIdSlot.get() instanceof IdSlot.OwnTable slot
                    && !slot.valueOf(stored).equals(platform == newUser.platform()
                    ? newUser.unionId().map(UnionId::value).orElse("") : "")) {
                return false;
            }
        }
        return true;
    }

    private void storeOwnTableIds(SqlSession session, long userId, NewUser newUser) {
        UserMapper users = session.getMapper(UserMapper.class);
        UserIdentityMapper identities = session.getMapper(UserIdentityMapper.class);
        if (slots.openId(newUser.platform()) instanceof IdSlot.OwnTable slot) {
            slot.store(users, identities, userId, newUser.openId().value());
        }
        Optional<IdSlot> unionSlot = slots.unionId(newUser.platform());
        if (newUser.unionId().isPresent() && unionSlot.isPresent() && unionSlot.get() instanceof IdSlot.OwnTable slot) {
            slot.store(users, identities, userId, newUser.unionId().get().value());
        }
    }
}
