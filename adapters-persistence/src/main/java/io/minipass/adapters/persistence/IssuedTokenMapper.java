package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

/** Our {@code <prefix>minipass_token} table (SQL in {@code IssuedTokenMapper.xml}). */
interface IssuedTokenMapper {

    IssuedTokenRow selectByUserId(@Param("userId") long userId);

    void save(@Param("userId") long userId, @Param("token") String token, @Param("issuedAt") long issuedAt);

    int deleteByUserId(@Param("userId") long userId);
}
