package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Our {@code <prefix>minipass_user_identity} table (SQL in {@code UserIdentityMapper.xml}). */
interface UserIdentityMapper {

    /** Every user's id of this platform and kind. */
    List<UserIdentityRow> selectAllOf(@Param("platform") String platform, @Param("kind") String kind);

    void insert(@Param("userId") long userId, @Param("platform") String platform, @Param("kind") String kind,
                @Param("externalId") byte[] externalId);

    int delete(@Param("userId") long userId, @Param("platform") String platform, @Param("kind") String kind);

    int deleteAllOf(@Param("userId") long userId);
}
