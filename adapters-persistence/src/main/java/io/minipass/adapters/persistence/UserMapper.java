package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** ShopXO's {@code <prefix>user} table (SQL in {@code UserMapper.xml}). */
interface UserMapper {

    UserRow selectById(@Param("id") long id);

    /** Live rows whose {@code column} equals {@code value} under the column's collation, lowest id first. */
    List<UserRow> selectLiveByColumn(@Param("column") String column, @Param("value") String value);

    /** Live rows holding this id in our identity table, lowest id first. */
    List<UserRow> selectLiveByIdentity(@Param("platform") String platform, @Param("kind") String kind,
                                       @Param("externalId") byte[] externalId);

    /** Live rows whose token equals {@code token} under the column's collation, lowest id first. */
    List<UserRow> selectLiveByToken(@Param("token") String token);

    void insert(UserInsert row);

    int updateColumn(@Param("id") long id, @Param("column") String column, @Param("value") String value);

    /** Sets {@code column} where it is empty, leaving a value already there. */
    int updateColumnIfEmpty(@Param("id") long id, @Param("column") String column, @Param("value") String value);

    int updateToken(@Param("id") long id, @Param("token") String token, @Param("updTime") long updTime);

    /**
     * MySQL/MariaDB only ({@link MyBatisPersistence#MYSQL}): the token in the user's row and in our token table,
     * in one statement; rows matched, 0 when the user has no row in our token table (or no row at all).
     */
    int updateTokenAndIssueTime(@Param("id") long id, @Param("token") String token, @Param("issuedAt") long issuedAt);
}
