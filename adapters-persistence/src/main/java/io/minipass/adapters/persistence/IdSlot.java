package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;

import java.util.List;

/**
 * Where one platform id of a user is stored: a column of ShopXO's {@code <prefix>user}, or, for the
 * ids that table has no column for (Toutiao unionids; Kuaishou openids before ShopXO v2.2.8), our
 * identity table. {@link IdSlots} says which. Column names come from there only, never from input,
 * so they may be spliced into SQL.
 * ({@code UserMapper.xml} reads the own-table ids of every user with joins of its own.)
 */
sealed interface IdSlot {

    Platform platform();

    Kind kind();

    /**
     * The users whose slot may hold {@code value}, deleted or not and in no order: a superset where the column's
     * collation folds case.
     */
    List<UserRow> select(UserMapper users, String value);

    /** Writes {@code value} into the slot of the user. */
    void store(UserMapper users, UserIdentityMapper identities, long userId, String value);

    /** What the slot holds for a user read from it, empty when nothing. */
    default String valueOf(User user) {
        return kind() == Kind.OPENID ? user.identities().openId(platform()) : user.identities().unionId(platform());
    }

    /** Whether the user's slot holds exactly this value: no case folding, no trailing spaces. */
    default boolean holds(User user, String value) {
        return !value.isEmpty() && value.equals(valueOf(user));
    }

    enum Kind {
        OPENID("openid"),
        UNIONID("unionid");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** As stored in the identity table's {@code kind} column. */
        String code() {
            return code;
        }
    }

    record Column(Platform platform, Kind kind, String name) implements IdSlot {
        @Override
        public List<UserRow> select(UserMapper users, String value) {
            return users.selectByColumn(name, value);
        }

        @Override
        public void store(UserMapper users, UserIdentityMapper identities, long userId, String value) {
            users.updateColumn(userId, name, value);
        }
    }

    record OwnTable(Platform platform, Kind kind) implements IdSlot {
        @Override
        public List<UserRow> select(UserMapper users, String value) {
            return users.selectByIdentity(platform.clientType(), kind.code(), bytes(value));
        }

        @Override
        public void store(UserMapper users, UserIdentityMapper identities, long userId, String value) {
            identities.delete(userId, platform.clientType(), kind.code());
            identities.insert(userId, platform.clientType(), kind.code(), bytes(value));
        }
    }

    static byte[] bytes(String id) {
        return IdText.bytes(id);
    }
}
