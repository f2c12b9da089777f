package io.minipass.bootstrap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Redis Sentinel set-up of a test's own: a master, one replica and three sentinels, each a redis-server on a free
 * loopback port, in memory only, with its files (the sentinels rewrite their conf) in a temporary folder removed on
 * close. The sentinels are tuned to fail over quickly (a master is down after {@link #DOWN_AFTER} without an answer,
 * two sentinels must agree). The shared Redis on 6379 is never touched.
 */
final class OwnRedisSentinels implements AutoCloseable {
    static final String MASTER_NAME = "minipass-test";
    static final Duration DOWN_AFTER = Duration.ofMillis(1500);
    static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(5);
    private static final int SENTINELS = 3;
    private static final int QUORUM = 2;

    private final Path folder;
    private final List<Node> dataNodes = new ArrayList<>();
    private final List<Node> sentinels = new ArrayList<>();
    private final RedisClient client = RedisClient.create();

    /** Whether redis-server can be started here; a test without it is skipped, not failed. */
    static boolean redisServerInstalled() {
        try {
            Process version = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the master, the replica (in sync) and the sentinels (each knowing the others and the replica). */
    OwnRedisSentinels() throws IOException {
        this.folder = Files.createTempDirectory("minipass-sentinels-");
        try {
            Node master = new Node("master", freePort(), List.of());
            master.start();
            dataNodes.add(master);
            Node replica = new Node("replica", freePort(), List.of("--replicaof", "127.0.0.1", String.valueOf(master.port)));
            replica.start();
            dataNodes.add(replica);
            for (int i = 1; i <= SENTINELS; i++) {
                int port = freePort();
                Path conf = folder.resolve("sentinel-" + i + ".conf");
                Files.writeString(conf, String.join("\n",
                        "port " + port,
                        "bind 127.0.0.1",
                        "dir " + folder,
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port + " " + QUORUM,
                        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                        "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT.toMillis(),
                        "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
                Node sentinel = new Node("sentinel-" + i, port, List.of(conf.toString(), "--sentinel"));
                sentinel.start();
                sentinels.add(sentinel);
            }
            await("the replica in sync with the master", Duration.ofSeconds(20),
                    () -> info(replica.port, "replication").contains("master_link_status:up"));
            await("every sentinel knowing the replica and the other sentinels", Duration.ofSeconds(30),
                    () -> sentinels.stream().allMatch(s -> {
                        Map<String, String> seen = sentinel(s.port, c -> c.sync().master(MASTER_NAME));
                        return "1".equals(seen.get("num-slaves")) && String.valueOf(SENTINELS - 1).equals(seen.get("num-other-sentinels"));
                    }));
        } catch (IOException | RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** The URL Lettuce and the service take: every sentinel, database 0, the master's name. */
    String url() {
        return "redis-sentinel://" + sentinels.stream().map(s -> "127.0.0.1:" + s.port).collect(Collectors.joining(","))
                + "/0#" + MASTER_NAME;
    }

    /** The port the sentinels name as the master now (asking the first one that answers). */
    int masterPort() {
        RuntimeException last = null;
        for (Node sentinel : sentinels) {
            try {
                SocketAddress address = sentinel(sentinel.port, c -> c.sync().getMasterAddrByName(MASTER_NAME));
                return ((InetSocketAddress) address).getPort();
            } catch (RuntimeException unanswered) {
                last = unanswered;
            }
        }
        throw new IllegalStateException("no sentinel names a master", last);
    }

    /** The ports the sentinels list as replicas of the master now, with their flags (e.g. {@code slave}, {@code s_down}). */
    Map<Integer, String> replicas() {
        List<Map<String, String>> listed = sentinel(sentinels.get(0).port, c -> c.sync().replicas(MASTER_NAME));
        return listed.stream().collect(Collectors.toMap(r -> Integer.parseInt(r.get("port")), r -> r.get("flags")));
    }

    /** Kills the current master with SIGKILL, as a crashed machine would go; answers its port. */
    int killMaster() {
        Node master = dataNode(masterPort());
        master.kill();
        return master.port;
    }

    /** Waits until every sentinel names a master other than {@code oldPort}; answers the new master's port. */
    int awaitNewMaster(int oldPort, Duration within) {
        await("the sentinels naming a new master", within, () -> sentinels.stream()
                .allMatch(s -> ((InetSocketAddress) sentinel(s.port, c -> c.sync().getMasterAddrByName(MASTER_NAME))).getPort() != oldPort));
        return masterPort();
    }

    /** Starts a killed data node again on its port; the sentinels make it a replica of the new master. */
    void restart(int port) throws IOException {
        dataNode(port).start();
    }

    /** Waits until the sentinels list {@code port} as a replica that is up, and the node itself says it is a replica in sync. */
    void awaitReplica(int port, Duration within) {
        await("port " + port + " rejoining as a replica", within, () -> {
            String flags = replicas().get(port);
            String replication = info(port, "replication");
            return "slave".equals(flags) && replication.contains("role:slave") && replication.contains("master_link_status:up");
        });
    }

    /** A section of {@code INFO} of a data node. */
    String info(int port, String section) {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create("127.0.0.1", port))) {
            return connection.sync().info(section);
        }
    }

    /** How many keys of a data node match {@code pattern}. */
    long countKeys(int port, String pattern) {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create("127.0.0.1", port))) {
            long count = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor,
                        ScanArgs.Builder.matches(pattern).limit(1000));
                count += page.getKeys().size();
                cursor = page;
            } while (!cursor.isFinished());
            return count;
        }
    }

    @Override
    public void close() {
        for (Node node : sentinels) {
            node.kill();
        }
        for (Node node : dataNodes) {
            node.kill();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private Node dataNode(int port) {
        return dataNodes.stream().filter(n -> n.port == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data node on port " + port));
    }

    private <T> T sentinel(int port, Function<StatefulRedisSentinelConnection<String, String>, T> ask) {
        RedisURI uri = RedisURI.create("127.0.0.1", port);
        uri.setTimeout(Duration.ofSeconds(2));
        try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel(uri)) {
            return ask.apply(connection);
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("waited " + within.toSeconds() + " s for " + what, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One redis-server process (data node or sentinel) that can be killed and started again on its port. */
    private final class Node {
        final String name;
        final int port;
        private final List<String> arguments;
        private Process process;

        Node(String name, int port, List<String> arguments) {
            this.name = name;
            this.port = port;
            this.arguments = arguments;
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of("redis-server"));
            if (arguments.contains("--sentinel")) {
                command.addAll(arguments);
            } else {
                // a folder each: a replica writes the master's snapshot into its own, and no restarted node may read another's
                Path dir = Files.createDirectories(folder.resolve(name));
                command.addAll(List.of("--bind", "127.0.0.1", "--port", String.valueOf(port), "--save", "", "--appendonly", "no",
                        "--dir", dir.toString()));
                command.addAll(arguments);
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(folder.toFile(), name + ".log")))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        break;
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
            }
            kill();
            throw new IOException(name + " (redis-server) did not start on port " + port + "; its log: " + folder.resolve(name + ".log"));
        }

        void kill() {
            if (process != null) {
                try {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }
    }
}
