package io.minipass.adapters.persistence;

import io.minipass.application.port.out.MobileAlreadyClaimedException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * One live user per mobile, on either layout, kept as {@link OpenIdClaims} keeps openids: every registration
 * with a mobile and every mobile binding claims it in the same transaction, with the same rules.
 */
final class MobileClaims {

    /** Who holds a mobile in the shop's user table; read in the caller's transaction, exact, live users only. */
    interface Holders {
        boolean holdsLive(SqlSession session, long userId, String mobile);

        boolean heldByAnother(SqlSession session, long userId, String mobile);
    }

    private final Holders holders;

    MobileClaims(Holders holders) {
        this.holders = holders;
    }

    /** Claims the mobile for the user, or throws when another live user holds it. */
    void claim(SqlSession session, String mobile, long userId) {
        MobileClaimMapper claims = session.getMapper(MobileClaimMapper.class);
        byte[] key = IdText.bytes(mobile);
        Long holder = claims.selectHolder(key);
        if (holder == null) {
            insert(claims, key, userId);
        } else if (holder != userId
                && (holders.holdsLive(session, holder, mobile) || claims.takeOver(key, holder, userId) != 1)) {
            throw new MobileAlreadyClaimedException();
        }
        if (holders.heldByAnother(session, userId, mobile)) {
            throw new MobileAlreadyClaimedException();
        }
    }

    /** A concurrent claim of the same mobile makes this one fail on the primary key: that caller lost the race. */
    private static void insert(MobileClaimMapper claims, byte[] mobile, long userId) {
        try {
            claims.insert(mobile, userId);
        } catch (PersistenceException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                throw new MobileAlreadyClaimedException();
            }
            throw failure;
        }
    }
}
