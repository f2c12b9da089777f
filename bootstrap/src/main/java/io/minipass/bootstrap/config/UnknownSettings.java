package io.minipass.bootstrap.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code MINIPASS_*} variables and properties keys set that the service does not read: a misspelt
 * {@code MINIPASS_DB_URL} otherwise goes unnoticed. Serve and migrate warn of each, {@code check} fails on it.
 */
public final class UnknownSettings {
    /** At most this many edits away, a known name is offered as what was meant. */
    private static final int MAX_EDITS = 3;

    private UnknownSettings() {
    }

    /** One line per unknown name: what is set and, if a known name is close, that name. */
    public static List<String> in(ConfigSource source) {
        List<String> unknown = new ArrayList<>();
        Set<String> variables = knownVariables();
        for (String name : source.variableNames()) {
            if (!variables.contains(name)) {
                unknown.add(describe("the variable " + name, name, variables));
            }
        }
        Set<String> keys = knownKeys();
        for (String key : source.fileKeys()) {
            if (!keys.contains(key)) {
                unknown.add(describe("the properties key " + key, key, keys));
            }
        }
        return unknown;
    }

    private static String describe(String what, String name, Set<String> known) {
        String base = name.endsWith(ConfigSource.FILE_SUFFIX)
                ? name.substring(0, name.length() - ConfigSource.FILE_SUFFIX.length()) : "";
        if (known.contains(base)) {
            return what + " is no setting (" + base + " is no secret: only secrets are read from files)";
        }
        return what + " is no setting" + closest(name, known).map(near -> " (did you mean " + near + "?)").orElse("");
    }

    private static Set<String> knownVariables() {
        Set<String> names = new LinkedHashSet<>();
        names.add(KnownSettings.CONFIG_FILE_VARIABLE);
        for (String name : KnownSettings.names()) {
            names.add(ConfigSource.envName(name));
            if (KnownSettings.isSecret(name)) {
                names.add(ConfigSource.envName(name) + ConfigSource.FILE_SUFFIX);
            }
        }
        return names;
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        KnownSettings.names().forEach(name -> keys.add(ConfigSource.fileKey(name)));
        return keys;
    }

    static Optional<String> closest(String name, Set<String> known) {
        return known.stream()
                .map(candidate -> new Candidate(candidate, distance(name, candidate)))
                .filter(candidate -> candidate.edits() <= MAX_EDITS)
                .min(Comparator.comparingInt(Candidate::edits))
                .map(Candidate::name);
    }

    private record Candidate(String name, int edits) {
    }

    /** Levenshtein's: insertions, deletions and substitutions, each one edit. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
