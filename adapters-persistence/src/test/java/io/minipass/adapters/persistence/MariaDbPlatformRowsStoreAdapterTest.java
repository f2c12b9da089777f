package io.minipass.adapters.persistence;

/** The adapter on ShopXO v3+'s tables on a real MariaDB (or MySQL) server ({@link MariaDbTestDatabase}). */
class MariaDbPlatformRowsStoreAdapterTest extends PlatformRowsStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
