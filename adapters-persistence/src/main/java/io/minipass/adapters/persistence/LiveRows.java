package io.minipass.adapters.persistence;

import io.minipass.domain.user.Channel;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import org.apache.ibatis.session.SqlSession;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of live users read by an indexed column, keeping only exact matches (MySQL's collations fold case and
 * ignore trailing spaces), and the user they name as read through a channel.
 */
final class LiveRows {
    /** Of several rows, the lowest user id first, then the lowest row id. */
    static final Comparator<PlatformUserRow> LOWEST_IDS = Comparator.comparingLong(PlatformUserRow::id)
            .thenComparingLong(PlatformUserRow::rowId);
    private static final String MOBILE_COLUMN = "mobile";

    private LiveRows() {
    }

    /** The rows of live users whose platform's id in {@code column} is exactly {@code value}. */
    static List<PlatformUserRow> holding(SqlSession session, String column, String value,
                                           Platform platform, RowValue valueOf) {
        return session.getMapper(PlatformUserMapper.class).selectByRowColumn(column, value).stream()
                .filter(row -> row.isLive() && value.equals(valueOf.of(row, platform)))
                .toList();
    }

    /**
     * The user the rows name, as read through the channel: its row of the channel when it has one; else its row of
     * the platform or any other, with the ids the channel's row will get ({@code ids} of that row's platform ids)
     * and no token yet.
     */
    static Optional<User> throughChannel(List<PlatformUserRow> rows, Channel channel, Platform platform,
                                        Function<PlatformIdentities, PlatformIdentities> ids) {
        Optional<PlatformUserRow> ofChannel = rows.stream()
                .filter(row -> channel.systemType().equals(row.systemType()) && channel.platform().equals(row.platform()))
                .min(LOWEST_IDS);
        if (ofChannel.isPresent()) {
            return ofChannel.map(PlatformUserRows::throughRow);
        }
        return rows.stream()
                .min(Comparator.comparing((PlatformUserRow row) -> !channel.platform().equals(row.platform()))
                        .thenComparing(LOWEST_IDS))
                .map(row -> PlatformUserRows.withoutRow(row)
                        .through(channel, ids.apply(PlatformUserRows.platformIds(row, platform)), ""));
    }

    /** Live users holding exactly this mobile, lowest id first. */
    static List<PlatformUserRow> holdingMobile(SqlSession session, String mobile) {
        return session.getMapper(PlatformUserMapper.class).selectUsersByColumn(MOBILE_COLUMN, mobile).stream()
                .filter(user -> user.isLive() && mobile.equals(user.mobile()))
                .sorted(Comparator.comparingLong(PlatformUserRow::id))
                .toList();
    }

    /** One of a row's platform ids. */
    @FunctionalInterface
    interface RowValue {
        String of(PlatformUserRow row, Platform platform);
    }
}
