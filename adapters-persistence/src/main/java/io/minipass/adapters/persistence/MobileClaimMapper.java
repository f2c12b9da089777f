package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

/** Our {@code <prefix>minipass_mobile_claim} table (SQL in {@code MobileClaimMapper.xml}). */
interface MobileClaimMapper {

    /** The user the mobile is claimed for, null when it never was. */
    Long selectHolder(@Param("mobile") byte[] mobile);

    /** Fails with a duplicate key when the mobile is claimed already. */
    void insert(@Param("mobile") byte[] mobile, @Param("userId") long userId);

    /** Moves the claim from {@code staleUserId} to {@code userId}: 0 when someone else moved it first. */
    int takeOver(@Param("mobile") byte[] mobile, @Param("staleUserId") long staleUserId, @Param("userId") long userId);
}
