package io.minipass.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster of a test's own: three {@code mariadbd} processes on free loopback ports, each with its
 * own data folder and configuration file in a temporary folder (no {@code /etc/mysql} file is read), the first
 * one bootstrapping the cluster and the others joining it by an rsync state transfer. Run as root, the servers run
 * as {@code mysql}, as Debian's do: rsync's daemon, which receives a state transfer, would otherwise switch to
 * {@code nobody} and could not write the data folder. The shared MariaDB on 3306 is never touched. A node can be killed ({@code SIGKILL}, as a crashed host) and started again, and rejoins.
 */
final class OwnGaleraCluster implements AutoCloseable {
    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final long START_SECONDS = 120;

    private final Path folder;
    private final String user = "root".equals(System.getProperty("user.name")) ? "mysql" : System.getProperty("user.name");
    private final String name = "minipass_test_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Node> nodes = new ArrayList<>();

    /** Whether this machine can run one: MariaDB's server, the Galera provider, rsync for the state transfer. */
    static boolean canRun() {
        return Files.isExecutable(MARIADBD) && Files.exists(PROVIDER) && onPath("mariadb-install-db") && onPath("rsync");
    }

    OwnGaleraCluster(int size) throws IOException, InterruptedException {
        folder = Files.createTempDirectory("minipass-galera-");
        try {
            ownedByTheServers(folder);
            for (int i = 1; i <= size; i++) {
                nodes.add(new Node(i, freePort(), freePort(), freePort(), freePort()));
            }
            String members = nodes.stream().map(node -> "127.0.0.1:" + node.groupPort).collect(Collectors.joining(","));
            for (Node node : nodes) {
                node.writeConfiguration(members);
            }
            Node first = nodes.get(0);
            install(first);
            first.start(true);
            first.awaitSynced(1);
            for (Node joiner : nodes.subList(1, size)) {
                ownedByTheServers(Files.createDirectories(joiner.data()));
                joiner.start(false);
                joiner.awaitSynced(joiner.index);
            }
        } catch (IOException | InterruptedException | RuntimeException failed) {
            close();
            throw failed;
        }
    }

    Node node(int index) {
        return nodes.get(index - 1);
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** A Connector/J URL naming the nodes in this order, e.g. {@code jdbc:mysql://127.0.0.1:p2,127.0.0.1:p3,...}. */
    String url(String database, int... order) {
        return "jdbc:mysql://" + Arrays.stream(order).mapToObj(i -> "127.0.0.1:" + node(i).port)
                .collect(Collectors.joining(",")) + "/" + database;
    }

    private void install(Node node) throws IOException, InterruptedException {
        Process install = new ProcessBuilder("mariadb-install-db", "--defaults-file=" + node.configuration(),
                "--user=" + user, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(folder.resolve("install-" + node.index + ".log").toFile()).start();
        if (!install.waitFor(START_SECONDS, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IOException("mariadb-install-db failed: " + Files.readString(folder.resolve("install-" + node.index + ".log")));
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.kill();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is no test failure
        }
    }

    private Path ownedByTheServers(Path path) throws IOException {
        if (!user.equals(System.getProperty("user.name"))) {
            Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user));
        }
        return path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** One mariadbd of the cluster. */
    final class Node {
        final int index;
        final int port;
        private final int groupPort;
        private final int incrementalPort;
        private final int transferPort;
        private Process process;

        private Node(int index, int port, int groupPort, int incrementalPort, int transferPort) {
            this.index = index;
            this.port = port;
            this.groupPort = groupPort;
            this.incrementalPort = incrementalPort;
            this.transferPort = transferPort;
        }

        Path data() {
            return folder.resolve("node" + index);
        }

        Path configuration() {
            return folder.resolve("node" + index + ".cnf");
        }

        private void writeConfiguration(String members) throws IOException {
            Files.writeString(configuration(), String.join("\n",
                    "[mysqld]",
                    "datadir=" + data(),
                    "socket=" + folder.resolve("node" + index + ".sock"),
                    "pid-file=" + folder.resolve("node" + index + ".pid"),
                    "log-error=" + folder.resolve("node" + index + ".err"),
                    "port=" + port,
                    "bind-address=127.0.0.1",
                    "user=" + user,
                    "skip-name-resolve=0",
                    "character-set-server=utf8mb4",
                    "collation-server=utf8mb4_unicode_ci",
                    "innodb_buffer_pool_size=64M",
                    "innodb_log_file_size=32M",
                    "innodb_flush_log_at_trx_commit=2",
                    "max_connections=300",
                    "binlog_format=ROW",
                    "default_storage_engine=InnoDB",
                    "innodb_autoinc_lock_mode=2",
                    "wsrep_on=ON",
                    "wsrep_provider=" + PROVIDER,
                    "wsrep_cluster_name=" + name,
                    "wsrep_cluster_address=gcomm://" + members,
                    "wsrep_node_name=node" + index,
                    "wsrep_node_address=127.0.0.1:" + groupPort,
                    "wsrep_provider_options=\"gmcast.listen_addr=tcp://127.0.0.1:" + groupPort
                            + ";ist.recv_addr=127.0.0.1:" + incrementalPort + ";gcache.size=64M\"",
                    "wsrep_sst_method=rsync",
                    "wsrep_sst_receive_address=127.0.0.1:" + transferPort,
                    ""));
        }

        /** Starts this node: the first of a new cluster, or one joining the nodes that run. */
        void start(boolean newCluster) throws IOException {
            List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + configuration()));
            if (newCluster) {
                command.add("--wsrep-new-cluster");
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("node" + index + ".out").toFile()))
                    .start();
        }

        /** Starts this node again after a kill: it joins the cluster and catches up. */
        void restart() throws IOException, InterruptedException {
            start(false);
            awaitSynced(1);
        }

        /** Kills the process at once, as a crashed host: no shutdown, no goodbye to the cluster. */
        void kill() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }

        /** Waits until the node answers, is Synced, and its cluster has at least the given number of members. */
        void awaitSynced(int members) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            String last = "no answer";
            while (System.nanoTime() < deadline) {
                if (process == null || !process.isAlive()) {
                    throw new IOException("Galera node " + index + " stopped: " + tail());
                }
                if (reachable()) {
                    try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
                        String state = status(statement, "wsrep_local_state_comment");
                        int size = Integer.parseInt(status(statement, "wsrep_cluster_size"));
                        last = state + ", cluster size " + size;
                        if ("Synced".equals(state) && size >= members) {
                            return;
                        }
                    } catch (SQLException notYet) {
                        last = notYet.getMessage();
                    }
                }
                Thread.sleep(200);
            }
            throw new IOException("Galera node " + index + " not synced within " + START_SECONDS + " s (" + last + "): " + tail());
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + database
                    + "?connectTimeout=2000&socketTimeout=30000", "root", "");
        }

        private boolean reachable() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException no) {
                return false;
            }
        }

        private static String status(Statement statement, String name) throws SQLException {
            try (ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
                return row.next() ? row.getString(2) : "";
            }
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(folder.resolve("node" + index + ".err"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            } catch (IOException none) {
                return "(no error log)";
            }
        }
    }
}
