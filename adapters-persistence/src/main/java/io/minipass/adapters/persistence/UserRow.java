package io.minipass.adapters.persistence;

/**
 * A user as {@code UserMapper.xml} selects it: the {@code <prefix>user} columns this service reads
 * (not {@code salt}, {@code pwd}; {@code kuaishouOpenidColumn} is empty where ShopXO has no such
 * column), plus the ids kept in our own identity table (null when absent).
 * Column aliases in the XML match these component names.
 */
record UserRow(
        long id,
        String alipayOpenid,
        String weixinOpenid,
        String weixinUnionid,
        String weixinWebOpenid,
        String baiduOpenid,
        String toutiaoOpenid,
        String qqOpenid,
        String qqUnionid,
        String kuaishouOpenidColumn,
        byte[] kuaishouOpenid,
        byte[] toutiaoUnionid,
        int status,
        String token,
        String username,
        String nickname,
        String mobile,
        String email,
        int gender,
        String avatar,
        String province,
        String city,
        long birthday,
        String address,
        long integral,
        long lockingIntegral,
        long referrer,
        long isDeleteTime,
        long addTime,
        long updTime) {
}
