package io.minipass.adapters.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database answers now, known within a strict deadline whatever it does: a connection of
 * its own (never a wait for a pooled one, which a busy or stalled pool would hold up) with short
 * connect and socket timeouts, opened and asked {@code SELECT 1} on a thread of its own. A caller
 * waits at most the deadline; callers arriving while a check runs share it, so a stalled database
 * never piles up checks.
 */
final class ReachabilityCheck implements AutoCloseable {
    /** Leaves the health route time to answer within a second. */
    static final Duration DEADLINE = Duration.ofMillis(700);

    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final Duration deadline;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "minipass-db-check");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> running;

    ReachabilityCheck(JdbcTarget target, String username, String password, Duration deadline) {
        this.driver = driver(target.driverClassName());
        this.url = target.url();
        this.deadline = deadline;
        this.properties = new Properties();
        properties.putAll(target.properties());
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        if (target.vendor() == JdbcTarget.Vendor.MYSQL) {
            String millis = String.valueOf(deadline.toMillis());
            properties.setProperty("connectTimeout", millis);
            properties.setProperty("socketTimeout", millis);
        }
    }

    boolean isReachable() {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (runner.isShutdown()) {
                return false;
            }
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(this::connectAndAsk, runner);
            }
            check = running;
        }
        try {
            return check.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean connectAndAsk() {
        try (Connection connection = driver.connect(url, properties); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        runner.shutdownNow();
    }

    private static Driver driver(String className) {
        try {
            return (Driver) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no JDBC driver " + className, e);
        }
    }
}
