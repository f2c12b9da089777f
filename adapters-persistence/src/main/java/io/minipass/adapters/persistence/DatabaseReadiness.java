package io.minipass.adapters.persistence;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MyBatisPersistence#check} found, without writing anything.
 *
 * @param problem            why the service could not use the database (out of reach, a layout it does not share);
 *                           when present, nothing else was looked at
 * @param pendingMigrations  the versions of the migrations not applied yet ({@code 1}, {@code 2}, ...)
 * @param missingPrivileges  what the account lacks to migrate (of {@code CREATE}); empty
 *                           when it has them, on H2, or when grants through roles leave it unknown
 */
public record DatabaseReadiness(Optional<String> problem, List<String> pendingMigrations, List<String> missingPrivileges) {
    public DatabaseReadiness {
        pendingMigrations = List.copyOf(pendingMigrations);
        missingPrivileges = List.copyOf(missingPrivileges);
    }

    static DatabaseReadiness unusable(String problem) {
        return new DatabaseReadiness(Optional.of(problem), List.of(), List.of());
    }
}
