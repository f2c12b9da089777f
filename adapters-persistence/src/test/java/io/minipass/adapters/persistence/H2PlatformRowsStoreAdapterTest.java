package io.minipass.adapters.persistence;

/** The adapter on ShopXO v3+'s tables on embedded H2 in MySQL mode. */
class H2PlatformRowsStoreAdapterTest extends PlatformRowsStoreAdapterContract {

    @Override
    protected TestDatabase newDatabase() {
        return H2TestDatabase.create();
    }
}
