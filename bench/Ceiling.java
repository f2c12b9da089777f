import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's ceiling for the work a login needs, without HTTP, MyBatis or a pool: each of
 * {@code threads} threads holds one connection and one prepared statement per statement of its kind, and
 * repeats
 * <ul>
 *   <li>{@code returning}: select a user by openid (the columns the service reads) + update its token and time;</li>
 *   <li>{@code new}: the look-up by openid that misses, then one transaction holding the statements that keep a
 *       registration's guarantees (issue 28): the user row (the columns the service inserts), the openid claim
 *       ({@code minipass_openid_claim}: one live user per openid) and the token record ({@code minipass_token}:
 *       the token's lifetime), committed once;</li>
 *   <li>{@code returning-v6} (ShopXO v3.0–v6.7's tables): select the platform rows holding the openid joined to their
 *       users (the columns the service reads) + update the token and time of the user's rows of the channel;</li>
 *   <li>{@code new-v6}: that select missing, then one transaction with the user row, its platform row (the openid,
 *       the token and its time {@code upd_time}: on this layout the token record) and the openid claim, committed
 *       once. ShopXO's member code ({@code number_code}, an update once the id is known) is left out: it keeps
 *       none of the three guarantees, so it is the service's cost, not the ceiling's.</li>
 * </ul>
 * The new-user kinds run with autocommit off for the connection's life: the look-up opens the transaction (a
 * consistent read at READ COMMITTED, no locks), the inserts follow, one commit ends it; no autocommit toggles, no
 * second look-up inside the transaction (the service's holder check), which are the service's cost.
 * The returning kinds run with autocommit on (each statement commits by itself), as ShopXO's own statements.
 * Run by bench/run on the service's own database after the service stopped, so it sees the same
 * tables and rows (H2 is embedded: only one process may hold its file).
 * <p>
 * Usage: {@code java -cp minipass.jar bench/Ceiling.java <jdbc-url> <user> <prefix> <returning|new|returning-v6|new-v6>
 * <threads> <seconds> <warmup-seconds> <tag> [database-pid]}
 * <br>Prints one line: {@code ops <n> errors <n> p50_ms <x> p99_ms <x> p999_ms <x> ops_s <x> cpu_ms <x> db_cpu_ms <x>}:
 * the latency percentiles are of every operation completed while measuring (each timed on its own thread from its
 * first statement to its last answer, commit included: what the ceiling's own client sees); the CPU per operation
 * of this process and of the database's process ({@code -} without its pid): what the database spends on the least
 * a login needs, to set beside what it spends on the service's logins.
 */
public final class Ceiling {
    private static final String PLATFORM_COLUMNS = "u.id, u.number_code, u.status, CASE WHEN u.pwd = '' THEN 0 ELSE 1 END,"
            + " u.username, u.nickname, u.mobile, u.email, u.gender, u.avatar, u.province, u.city, u.county, u.birthday,"
            + " u.address, u.integral, u.locking_integral, u.referrer, u.is_delete_time, u.is_logout_time, u.add_time,"
            + " u.upd_time, p.id, p.system_type, p.platform, p.token, p.alipay_openid, p.weixin_openid, p.weixin_unionid,"
            + " p.weixin_web_openid, p.baidu_openid, p.toutiao_openid, p.toutiao_unionid, p.qq_openid, p.qq_unionid,"
            + " p.kuaishou_openid, p.add_time, p.upd_time";
    private static final String COLUMNS = "u.id, u.alipay_openid, u.weixin_openid, u.weixin_unionid, u.weixin_web_openid,"
            + " u.baidu_openid, u.toutiao_openid, u.qq_openid, u.qq_unionid, u.status, u.token, u.username, u.nickname,"
            + " u.mobile, u.email, u.gender, u.avatar, u.province, u.city, u.birthday, u.address, u.integral,"
            + " u.locking_integral, u.referrer, u.is_delete_time, u.add_time, u.upd_time";
    /** USER_HZ, the unit of /proc/<pid>/stat: 100 on Linux whatever the kernel's own tick. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** One login of the kind measured, on the calling thread's own resources. */
    private interface Login {
        /** @return false when the database answered something a login does not expect */
        boolean run(String openid, String token, long now) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String prefix = args[2];
        String kind = args[3];
        int threads = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        String tag = args[7];
        String databasePid = args.length > 8 ? args[8] : "-";
        boolean againAndAgain = kind.startsWith("returning");
        List<String> openids = againAndAgain ? registeredOpenids(url, user, prefix, kind.endsWith("-v6")) : List.of();

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long sequence = 0;
                try (Connection connection = DriverManager.getConnection(url, user, "")) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(againAndAgain);
                    Login login = switch (kind) {
                        case "returning" -> returning(connection, prefix);
                        case "new" -> newUser(connection, prefix);
                        case "returning-v6" -> returningOnPlatformRows(connection, prefix);
                        case "new-v6" -> newUserOnPlatformRows(connection, prefix);
                        default -> throw new IllegalArgumentException("unknown kind " + kind);
                    };
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        String token = Long.toHexString(ThreadLocalRandom.current().nextLong())
                                + Long.toHexString(ThreadLocalRandom.current().nextLong());
                        String openid = againAndAgain
                                ? openids.get(ThreadLocalRandom.current().nextInt(openids.size()))
                                : "oC" + tag + "x" + me + "x" + sequence++;
                        try {
                            boolean answered = login.run(openid, token, System.currentTimeMillis() / 1000);
                            if (!againAndAgain) {
                                if (answered) {
                                    connection.commit();
                                } else {
                                    connection.rollback();
                                }
                            }
                            if (!answered) {
                                errors.incrementAndGet();
                            }
                        } catch (SQLException failure) {
                            errors.incrementAndGet();
                            if (!againAndAgain) {
                                try {
                                    connection.rollback();
                                } catch (SQLException ignored) {
                                    // the next operation fails too, and counts
                                }
                            }
                        }
                        if (measuring.get()) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = System.nanoTime() - started;
                        }
                    }
                } catch (SQLException failure) {
                    failure.printStackTrace();
                    errors.incrementAndGet();
                } finally {
                    latencies[me] = mine;
                    counts[me] = n;
                    done.countDown();
                }
            });
            worker.start();
        }
        Thread.sleep(warmup * 1000L);
        long ownTicks = ticks("self");
        long databaseTicks = ticks(databasePid);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        ownTicks = ticks("self") - ownTicks;
        databaseTicks = ticks(databasePid) - databaseTicks;
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("ops %d errors %d p50_ms %.2f p99_ms %.2f p999_ms %.2f ops_s %.0f cpu_ms %s db_cpu_ms %s%n",
                total, errors.get(), percentile(all, 0.50), percentile(all, 0.99), percentile(all, 0.999),
                total / (elapsed / 1e9), perOperation(ownTicks, total), perOperation(databaseTicks, total));
    }

    private static List<String> registeredOpenids(String url, String user, String prefix, boolean platformRows)
            throws SQLException {
        List<String> openids = new ArrayList<>();
        String sql = platformRows
                ? "SELECT weixin_openid FROM " + prefix + "user_platform WHERE weixin_openid <> '' LIMIT 20000"
                : "SELECT weixin_openid FROM " + prefix + "user WHERE weixin_openid <> '' AND is_delete_time = 0 LIMIT 20000";
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                openids.add(rows.getString(1));
            }
        }
        if (openids.isEmpty()) {
            throw new IllegalStateException("no users to log in again");
        }
        return openids;
    }

    private static PreparedStatement byOpenid(Connection connection, String prefix) throws SQLException {
        return connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + prefix + "user u WHERE u.weixin_openid = ? AND u.is_delete_time = 0");
    }

    private static Login returning(Connection connection, String prefix) throws SQLException {
        return readThenWriteToken(byOpenid(connection, prefix), 27, connection.prepareStatement(
                "UPDATE " + prefix + "user SET token = ?, upd_time = ? WHERE id = ?"));
    }

    /**
     * A returning login: reads every column of the rows holding the openid ({@code columns}, the first the user id),
     * then writes the token by that id.
     */
    private static Login readThenWriteToken(PreparedStatement byOpenid, int columns, PreparedStatement updateToken) {
        return (openid, token, now) -> {
            byOpenid.setString(1, openid);
            long id = -1;
            try (ResultSet rows = byOpenid.executeQuery()) {
                while (rows.next()) {
                    id = rows.getLong(1);
                    for (int c = 2; c <= columns; c++) {
                        rows.getObject(c);
                    }
                }
            }
            updateToken.setString(1, token);
            updateToken.setLong(2, now);
            updateToken.setLong(3, id);
            return updateToken.executeUpdate() >= 1;
        };
    }

    /**
     * The guarantee-keeping minimum on ShopXO v2's columns, in the caller's transaction (committed by the caller): the
     * user row with the columns {@code UserMapper.insert} writes (the ids, status, token and profile), the openid
     * claim as {@code OpenIdClaimMapper.insert} writes it, the token record as {@code IssuedTokenMapper.save}.
     */
    private static Login newUser(Connection connection, String prefix) throws SQLException {
        PreparedStatement byOpenid = byOpenid(connection, prefix);
        PreparedStatement insertUser = connection.prepareStatement("INSERT INTO " + prefix + "user"
                + " (alipay_openid, weixin_openid, weixin_unionid, baidu_openid, toutiao_openid, qq_openid, qq_unionid,"
                + " status, token, nickname, mobile, gender, avatar, province, city, referrer, add_time)"
                + " VALUES ('', ?, '', '', '', '', '', 0, ?, 'bench', '', 1, 'https://thirdwx.qlogo.cn/x/132', '', '', 0, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement claim = claimInsert(connection, prefix);
        PreparedStatement tokenRecord = connection.prepareStatement(
                "INSERT INTO " + prefix + "minipass_token (user_id, token, issued_at) VALUES (?, ?, ?)");
        return (openid, token, now) -> {
            if (!misses(byOpenid, openid)) {
                return false;
            }
            insertUser.setString(1, openid);
            insertUser.setString(2, token);
            insertUser.setLong(3, now);
            long id = insertedId(insertUser);
            if (!claimed(claim, openid, id)) {
                return false;
            }
            tokenRecord.setLong(1, id);
            tokenRecord.setString(2, token);
            tokenRecord.setLong(3, now);
            return tokenRecord.executeUpdate() == 1;
        };
    }

    /** The openid claim of the service's {@code minipass_openid_claim}: its primary key keeps one user per openid. */
    private static PreparedStatement claimInsert(Connection connection, String prefix) throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO " + prefix + "minipass_openid_claim (platform, openid, user_id) VALUES ('weixin', ?, ?)");
    }

    private static boolean claimed(PreparedStatement claim, String openid, long userId) throws SQLException {
        claim.setBytes(1, openid.getBytes(StandardCharsets.UTF_8));
        claim.setLong(2, userId);
        return claim.executeUpdate() == 1;
    }

    /** Whether the look-up finds no row holding the openid (a new user's, as the service's first read). */
    private static boolean misses(PreparedStatement byOpenid, String openid) throws SQLException {
        byOpenid.setString(1, openid);
        try (ResultSet rows = byOpenid.executeQuery()) {
            return !rows.next();
        }
    }

    private static long insertedId(PreparedStatement insert) throws SQLException {
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the insert gave no id");
            }
            return keys.getLong(1);
        }
    }

    private static PreparedStatement platformRowsByOpenid(Connection connection, String prefix) throws SQLException {
        return connection.prepareStatement("SELECT " + PLATFORM_COLUMNS + " FROM " + prefix + "user_platform p JOIN "
                + prefix + "user u ON u.id = p.user_id WHERE p.weixin_openid = ?");
    }

    private static Login returningOnPlatformRows(Connection connection, String prefix) throws SQLException {
        return readThenWriteToken(platformRowsByOpenid(connection, prefix), 38, connection.prepareStatement(
                "UPDATE " + prefix + "user_platform SET token = ?, upd_time = ?"
                        + " WHERE user_id = ? AND system_type = 'default' AND platform = 'weixin'"));
    }

    /**
     * The guarantee-keeping minimum on ShopXO v3.0–v6.7's tables, in the caller's transaction: the person row with
     * the columns {@code PlatformUserMapper.insertUser} writes, the platform row as {@code insertRow} writes it (the
     * openid, the token and {@code upd_time}, the token's lifetime on this layout: the service keeps no
     * {@code minipass_token} row here), and the openid claim.
     */
    private static Login newUserOnPlatformRows(Connection connection, String prefix) throws SQLException {
        PreparedStatement byOpenid = platformRowsByOpenid(connection, prefix);
        PreparedStatement insertUser = connection.prepareStatement("INSERT INTO " + prefix + "user"
                + " (status, nickname, mobile, gender, avatar, province, city, referrer, add_time)"
                + " VALUES (0, 'bench', '', 1, 'https://thirdwx.qlogo.cn/x/132', '', '', 0, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement insertRow = connection.prepareStatement("INSERT INTO " + prefix + "user_platform"
                + " (user_id, system_type, platform, token, alipay_openid, weixin_openid, weixin_unionid, baidu_openid,"
                + " toutiao_openid, toutiao_unionid, qq_openid, qq_unionid, kuaishou_openid, add_time, upd_time)"
                + " VALUES (?, 'default', 'weixin', ?, '', ?, '', '', '', '', '', '', '', ?, ?)");
        PreparedStatement claim = claimInsert(connection, prefix);
        return (openid, token, now) -> {
            if (!misses(byOpenid, openid)) {
                return false;
            }
            insertUser.setLong(1, now);
            long id = insertedId(insertUser);
            insertRow.setLong(1, id);
            insertRow.setString(2, token);
            insertRow.setString(3, openid);
            insertRow.setLong(4, now);
            insertRow.setLong(5, now);
            if (insertRow.executeUpdate() != 1) {
                return false;
            }
            return claimed(claim, openid, id);
        };
    }

    /** CPU ticks (user + system) a process has used so far; 0 without a pid. */
    private static long ticks(String pid) throws IOException {
        if (pid.equals("-")) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String perOperation(long ticks, int operations) {
        return ticks == 0 || operations == 0 ? "-" : String.format("%.3f", ticks * 1000.0 / CLOCK_TICKS_PER_SECOND / operations);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
