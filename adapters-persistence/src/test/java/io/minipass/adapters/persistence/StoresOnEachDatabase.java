package io.minipass.adapters.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Both of the shop's layouts (ShopXO v2's user columns, v6's platform rows) on both databases (H2, MariaDB), each
 * in a database of its own, for properties that must hold on every one. {@link #close} drops them.
 */
final class StoresOnEachDatabase implements AutoCloseable {
    static final String PREFIX = "sxo_";

    /** One layout on one database, and its tables as plain JDBC sees them. */
    record Store(String name, TestDatabase database, MyBatisPersistence persistence, DirectUserTable table) {
        ShopUserStore users() {
            return persistence.userStore();
        }

        boolean isMariaDb() {
            return database instanceof MariaDbTestDatabase;
        }
    }

    private final List<Store> stores = new ArrayList<>();

    static StoresOnEachDatabase open() {
        StoresOnEachDatabase opened = new StoresOnEachDatabase();
        try {
            opened.add("H2 v2", H2TestDatabase.create(), false);
            opened.add("H2 v6", H2TestDatabase.create(), true);
            opened.add("MariaDB v2", MariaDbTestDatabase.create(), false);
            opened.add("MariaDB v6", MariaDbTestDatabase.create(), true);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void add(String name, TestDatabase database, boolean platformRows) {
        DirectUserTable table;
        if (platformRows) {
            DirectPlatformTables tables = new DirectPlatformTables(database, PREFIX);
            tables.execute(UserColumnsStoreAdapterContract.shopxoScript("v6").toArray(String[]::new));
            table = tables;
        } else {
            table = new DirectUserTable(database, PREFIX);
        }
        try {
            stores.add(new Store(name, database, MyBatisPersistence.open(database.settings(PREFIX)), table));
        } catch (RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    List<Store> all() {
        return stores;
    }

    @Override
    public void close() {
        for (Store store : stores) {
            store.persistence().close();
            store.database().drop();
        }
        stores.clear();
    }
}
