package io.minipass.adapters.persistence;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** ShopXO v3+'s {@code <prefix>user} and {@code <prefix>user_platform} tables (SQL in {@code PlatformUserMapper.xml}). */
interface PlatformUserMapper {

    /** The user without a platform row; null when there is none. */
    PlatformUserRow selectUser(@Param("id") long id);

    /** Users without a platform row, deleted or not and in no order, whose {@code column} equals the value under its collation. */
    List<PlatformUserRow> selectUsersByColumn(@Param("column") String column, @Param("value") String value);

    /** Platform rows with their users, deleted or not and in no order, whose {@code column} equals the value under its collation. */
    List<PlatformUserRow> selectByRowColumn(@Param("column") String column, @Param("value") String value);

    /** Platform rows with their users, deleted or not and in no order, whose token equals this under the column's collation. */
    List<PlatformUserRow> selectByToken(@Param("token") String token);

    void insertUser(PersonInsert user);

    int updateNumberCode(@Param("id") long id, @Param("numberCode") String numberCode);

    void insertRow(RowInsert row);

    /** Locks the user's row until the transaction ends; null when there is no such user. */
    Long lockUser(@Param("id") long id);

    /** The tokens of the user's rows of this system type and platform, those rows locked until the transaction ends. */
    List<String> selectChannelTokensForUpdate(@Param("userId") long userId, @Param("systemType") String systemType,
                                              @Param("platform") String platform);

    /** Writes the token to the user's rows of this system type and platform that hold {@code expected}: how many. */
    int replaceChannelToken(@Param("userId") long userId, @Param("systemType") String systemType,
                            @Param("platform") String platform, @Param("expected") String expected,
                            @Param("token") String token, @Param("now") long now);

    /** Writes the token to every row of the user's of this system type and platform: how many. */
    int updateChannelTokens(@Param("userId") long userId, @Param("systemType") String systemType,
                            @Param("platform") String platform, @Param("token") String token, @Param("now") long now);

    /** The tokens of all the user's rows, empty ones too, those rows locked until the transaction ends. */
    List<String> selectTokensForUpdate(@Param("userId") long userId);

    /** Empties the token of every row of the user's: how many held one. */
    int clearTokens(@Param("userId") long userId);

    int updateMobile(@Param("id") long id, @Param("mobile") String mobile, @Param("now") long now);
}
