package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

/** Our {@code <prefix>minipass_user_identity} table (SQL in {@code UserIdentityMapper.xml}). */
interface UserIdentityMapper {

    void insert(@Param("userId") long userId, @Param("platform") String platform, @Param("kind") String kind,
                @Param("externalId") byte[] externalId);

    int delete(@Param("userId") long userId, @Param("platform") String platform, @Param("kind") String kind);

    int deleteAllOf(@Param("userId") long userId);
}
