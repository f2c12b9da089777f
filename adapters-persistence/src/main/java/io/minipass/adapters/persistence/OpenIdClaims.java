package io.minipass.adapters.persistence;

import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * One live user per openid, on either layout, kept by our claim table's primary key: every registration and
 * binding claims its (platform, openid) in the same transaction as its other writes. A claim whose user no
 * longer holds the openid live (deleted, closed, or changed by the shop) is taken over with a compare-and-set;
 * a live holder, a lost compare-and-set, or another live user holding the openid without a claim (written by
 * ShopXO) refuses the write, and the caller's transaction rolls it all back (docs/design.md#adr-3-claim-tables).
 */
final class OpenIdClaims {

    /** Who holds an openid where the layout keeps it; read in the caller's transaction, exact, live users only. */
    interface Holders {
        /** Whether this user holds the openid live now. */
        boolean holdsLive(SqlSession session, long userId, Platform platform, OpenId openId);

        /** Whether a live user other than this one holds the openid. */
        boolean heldByAnother(SqlSession session, long userId, Platform platform, OpenId openId);
    }

    private final Holders holders;

    OpenIdClaims(Holders holders) {
        this.holders = holders;
    }

    /** Claims the openid for the user, or throws when another live user holds it. */
    void claim(SqlSession session, Platform platform, OpenId openId, long userId) {
        claimOnly(session, platform, openId, userId);
        if (holders.heldByAnother(session, userId, platform, openId)) {
            throw new OpenIdAlreadyClaimedException(platform, openId);
        }
    }

    /**
     * Our claim of the openid for the user, or a throw when its holder still holds it live; the caller then checks
     * that no live user without a claim (one ShopXO wrote) holds it either.
     */
    void claimOnly(SqlSession session, Platform platform, OpenId openId, long userId) {
        OpenIdClaimMapper claims = session.getMapper(OpenIdClaimMapper.class);
        String platformCode = platform.clientType();
        byte[] key = IdText.bytes(openId.value());
        // Inserted first: an openid is new far more often than not, and then that is the one statement.
        if (insertedClaim(claims, platformCode, key, userId)) {
            return;
        }
        Long holder = claims.selectHolder(platformCode, key);
        if (holder == null) {
            throw new OpenIdAlreadyClaimedException(platform, openId);
        }
        if (holder != userId && (holders.holdsLive(session, holder, platform, openId)
                || claims.takeOver(platformCode, key, holder, userId) != 1)) {
            throw new OpenIdAlreadyClaimedException(platform, openId);
        }
    }

    /**
     * Inserts the claim; false when one exists already (the primary key refused it: an earlier claim, or a
     * concurrent one committed first). MySQL, MariaDB and H2 fail only that statement, not the transaction.
     */
    private static boolean insertedClaim(OpenIdClaimMapper claims, String platform, byte[] openid, long userId) {
        try {
            claims.insert(platform, openid, userId);
            return true;
        } catch (PersistenceException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                return false;
            }
            throw failure;
        }
    }
}
