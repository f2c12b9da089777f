package io.minipass.adapters.persistence;

/** The columns a registration writes to {@code <prefix>user} on ShopXO v2: the person's, its ids and its token. */
final class UserInsert extends PersonInsert {
    private final String alipayOpenid;
    private final String weixinOpenid;
    private final String weixinUnionid;
    private final String baiduOpenid;
    private final String toutiaoOpenid;
    private final String qqOpenid;
    private final String qqUnionid;
    private final String token;
    /** Null where ShopXO's table has no {@code kuaishou_openid} column: the insert leaves it out. */
    private final String kuaishouOpenid;

    UserInsert(String alipayOpenid, String weixinOpenid, String weixinUnionid, String baiduOpenid, String toutiaoOpenid,
               String qqOpenid, String qqUnionid, int status, String token, String nickname, String mobile, int gender,
               String avatar, String province, String city, long referrer, long addTime,
               String kuaishouOpenid) {
        super(status, nickname, mobile, gender, avatar, province, city, referrer, addTime);
        this.alipayOpenid = alipayOpenid;
        this.weixinOpenid = weixinOpenid;
        this.weixinUnionid = weixinUnionid;
        this.baiduOpenid = baiduOpenid;
        this.toutiaoOpenid = toutiaoOpenid;
        this.qqOpenid = qqOpenid;
        this.qqUnionid = qqUnionid;
        this.token = token;
        this.kuaishouOpenid = kuaishouOpenid;
    }

    public String getAlipayOpenid() {
        return alipayOpenid;
    }

    public String getWeixinOpenid() {
        return weixinOpenid;
    }

    public String getWeixinUnionid() {
        return weixinUnionid;
    }

    public String getBaiduOpenid() {
        return baiduOpenid;
    }

    public String getToutiaoOpenid() {
        return toutiaoOpenid;
    }

    public String getQqOpenid() {
        return qqOpenid;
    }

    public String getQqUnionid() {
        return qqUnionid;
    }

    public String getToken() {
        return token;
    }

    public String getKuaishouOpenid() {
        return kuaishouOpenid;
    }
}
