package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** ShopXO v2's user table as ShopXO (or a shop admin) writes it: plain JDBC, behind the adapter's back. */
class DirectUserTable {
    static final List<String> OWN_TABLES = List.of("minipass_openid_claim", "minipass_mobile_claim",
            "minipass_user_identity", "minipass_token");

    private final TestDatabase database;
    protected final String prefix;

    DirectUserTable(TestDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
    }

    void deleteAllRows() {
        for (String table : OWN_TABLES) {
            update("DELETE FROM " + prefix + table);
        }
        update("DELETE FROM " + prefix + "user");
    }

    /** A whole user row, id included. Ids without a column in ShopXO's table (Kuaishou) cannot be written this way. */
    User insert(User user) {
        String sql = "INSERT INTO " + prefix + "user (id, alipay_openid, weixin_openid, weixin_unionid, weixin_web_openid,"
                + " baidu_openid, toutiao_openid, qq_openid, qq_unionid, status, salt, pwd, token, username, nickname,"
                + " mobile, email, gender, avatar, province, city, birthday, address, integral, locking_integral,"
                + " referrer, is_delete_time, add_time, upd_time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        var ids = user.identities();
        update(sql, user.id().value(), ids.openId(Platform.ALIPAY), ids.openId(Platform.WEIXIN),
                ids.unionId(Platform.WEIXIN), ids.weixinWebOpenid(), ids.openId(Platform.BAIDU),
                ids.openId(Platform.TOUTIAO), ids.openId(Platform.QQ), ids.unionId(Platform.QQ), user.status().code(),
                user.token(), user.username(), user.nickname(), user.mobile(), user.email(), user.gender().code(),
                user.avatar(), user.province(), user.city(), user.birthday(), user.address(), user.integral(),
                user.lockingIntegral(), user.referrer(), user.deleteTime(), user.addTime(), user.updTime());
        return user;
    }

    void softDelete(UserId id, long deleteTime) {
        update("UPDATE " + prefix + "user SET is_delete_time = ? WHERE id = ?", deleteTime, id.value());
    }

    void setStatus(UserId id, UserStatus status) {
        update("UPDATE " + prefix + "user SET status = ? WHERE id = ?", status.code(), id.value());
    }

    void setToken(UserId id, String token) {
        update("UPDATE " + prefix + "user SET token = ? WHERE id = ?", token, id.value());
    }

    void setWeixinOpenid(UserId id, String openid) {
        update("UPDATE " + prefix + "user SET weixin_openid = ? WHERE id = ?", openid, id.value());
    }

    void setMobile(UserId id, String mobile) {
        update("UPDATE " + prefix + "user SET mobile = ? WHERE id = ?", mobile, id.value());
    }

    int countUsers() {
        return count("user");
    }

    /** Rows in one of our own tables, named without the prefix. */
    int count(String table) {
        return Integer.parseInt(queryText("SELECT COUNT(*) FROM " + prefix + table));
    }

    /** The first column of the first row, as text; null when there is no row. */
    String queryText(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void update(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String... statements) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
