package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** ShopXO's {@code <prefix>user} table (SQL in {@code UserMapper.xml}). */
interface UserMapper {

    UserRow selectById(@Param("id") long id);

    /** Rows, deleted or not and in no order, whose {@code column} equals {@code value} under the column's collation. */
    List<UserRow> selectByColumn(@Param("column") String column, @Param("value") String value);

    /** Rows, deleted or not and in no order, holding this id in our identity table. */
    List<UserRow> selectByIdentity(@Param("platform") String platform, @Param("kind") String kind,
                                       @Param("externalId") byte[] externalId);

    /** Rows, deleted or not and in no order, whose token equals {@code token} under the column's collation. */
    List<UserRow> selectByToken(@Param("token") String token);

    void insert(UserInsert row);

    int updateColumn(@Param("id") long id, @Param("column") String column, @Param("value") String value);

    /** Sets {@code column} where it is empty, leaving a value already there. */
    int updateColumnIfEmpty(@Param("id") long id, @Param("column") String column, @Param("value") String value);

    /** The user's current token, the row locked until the transaction ends; null when there is no such user. */
    String selectTokenForUpdate(@Param("id") long id);

    /** Empties the user's token, leaving everything else. */
    int clearToken(@Param("id") long id);

    int updateToken(@Param("id") long id, @Param("token") String token, @Param("updTime") long updTime);

    /** {@link #updateToken} where the row still holds {@code expected}: 1 when it did, else 0 and nothing written. */
    int replaceToken(@Param("id") long id, @Param("expected") String expected, @Param("token") String token,
                     @Param("updTime") long updTime);

    /**
     * {@link #replaceToken} together with our record of when the token was issued, in one statement (MySQL and
     * MariaDB only): more than 0 when both rows were written, 0 when nothing was (the row no longer holds
     * {@code expected}, or we have no record for the user yet).
     */
    int replaceTokenWithIssue(@Param("id") long id, @Param("expected") String expected, @Param("token") String token,
                              @Param("issuedAt") long issuedAt);
}
