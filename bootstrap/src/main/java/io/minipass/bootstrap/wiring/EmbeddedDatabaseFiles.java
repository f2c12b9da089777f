package io.minipass.bootstrap.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An H2 file database ({@code jdbc:h2:file:./data/minipass}, the default) holds every user's token and openid: its
 * files are for the service's own account only. Before H2 opens it, a directory that does not exist yet is made
 * {@code 0700} and the database file {@code 0600} (an empty file, which H2 takes for a new database); an existing
 * database file, or its trace file, is set to {@code 0600}. Directories that already exist are left as they are:
 * they may be the working directory. Nothing is done off POSIX file systems or for other databases.
 */
public final class EmbeddedDatabaseFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** H2's URL forms that are no file of this machine: in memory, a server, or a file system of H2's own. */
    private static final Pattern NOT_A_LOCAL_FILE = Pattern.compile("(?i)(mem|tcp|ssl|zip|memfs|memlzf|split|retry|async|nio\\w*|rec):.*");
    private static final String PREFIX = "jdbc:h2:";

    private EmbeddedDatabaseFiles() {
    }

    /** Makes the database's files owner-only before H2 opens (or creates) them. */
    public static void ownerOnly(String url) {
        Optional<Path> base = basePath(url);
        if (base.isEmpty() || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path database = Path.of(base.get() + ".mv.db");
        try {
            Path directory = database.toAbsolutePath().getParent();
            if (!Files.exists(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            if (Files.exists(database)) {
                Files.setPosixFilePermissions(database, OWNER_FILE);
            } else {
                Files.createFile(database, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            }
            Path trace = Path.of(base.get() + ".trace.db");
            if (Files.exists(trace)) {
                Files.setPosixFilePermissions(trace, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database " + database.toAbsolutePath()
                    + " readable by this account only", e);
        }
    }

    /** The path H2 adds {@code .mv.db} to, for a file database; empty for any other URL. */
    public static Optional<Path> basePath(String url) {
        if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String name = url.substring(PREFIX.length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (NOT_A_LOCAL_FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }
}
