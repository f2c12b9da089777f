package io.minipass.adapters.persistence;

import io.minipass.domain.user.User;
import org.apache.ibatis.session.SqlSession;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Live (not deleted) users read by an indexed column, keeping only exact matches: MySQL's collations fold case and
 * ignore trailing spaces.
 */
final class LiveUsers {
    static final String MOBILE_COLUMN = "mobile";
    static final Comparator<User> LOWEST_ID_FIRST = Comparator.comparingLong(user -> user.id().value());

    private LiveUsers() {
    }

    /** The user with this id, unless deleted. */
    static Optional<User> row(SqlSession session, long userId) {
        return Optional.ofNullable(session.getMapper(UserMapper.class).selectById(userId))
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted());
    }

    /** Live users holding exactly this mobile, lowest id first. */
    static List<User> holdingMobile(SqlSession session, String mobile) {
        return session.getMapper(UserMapper.class).selectByColumn(MOBILE_COLUMN, mobile).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && user.mobile().equals(mobile))
                .sorted(LOWEST_ID_FIRST)
                .toList();
    }

    /** Live users holding exactly this id, lowest id first. */
    static List<User> holding(SqlSession session, IdSlot slot, String value) {
        return slot.select(session.getMapper(UserMapper.class), value).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && slot.holds(user, value))
                .sorted(LOWEST_ID_FIRST)
                .toList();
    }
}
