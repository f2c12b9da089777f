package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

/** Our {@code <prefix>minipass_openid_claim} table (SQL in {@code OpenIdClaimMapper.xml}). */
interface OpenIdClaimMapper {

    /** The user the openid is claimed for, null when it never was. */
    Long selectHolder(@Param("platform") String platform, @Param("openid") byte[] openid);

    /** Fails with a duplicate key when the openid is claimed already. */
    void insert(@Param("platform") String platform, @Param("openid") byte[] openid, @Param("userId") long userId);

    /** Moves the claim from {@code staleUserId} to {@code userId}: 0 when someone else moved it first. */
    int takeOver(@Param("platform") String platform, @Param("openid") byte[] openid,
                 @Param("staleUserId") long staleUserId, @Param("userId") long userId);
}
