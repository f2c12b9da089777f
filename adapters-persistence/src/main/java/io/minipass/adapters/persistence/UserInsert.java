package io.minipass.adapters.persistence;

/**
 * The columns a registration writes to {@code <prefix>user}; every other column keeps its default.
 * Mutable only in {@link #id}, which the insert fills in with the generated key.
 */
final class UserInsert {
    private long id;
    private final String alipayOpenid;
    private final String weixinOpenid;
    private final String weixinUnionid;
    private final String baiduOpenid;
    private final String toutiaoOpenid;
    private final String qqOpenid;
    private final String qqUnionid;
    private final int status;
    private final String token;
    private final String nickname;
    private final String mobile;
    private final int gender;
    private final String avatar;
    private final String province;
    private final String city;
    private final long referrer;
    private final long addTime;
    /** Null where ShopXO's table has no {@code kuaishou_openid} column: the insert leaves it out. */
    private final String kuaishouOpenid;

    UserInsert(String alipayOpenid, String weixinOpenid, String weixinUnionid, String baiduOpenid, String toutiaoOpenid,
               String qqOpenid, String qqUnionid, int status, String token, String nickname, String mobile, int gender,
               String avatar, String province, String city, long referrer, long addTime,
               String kuaishouOpenid) {
        this.alipayOpenid = alipayOpenid;
        this.weixinOpenid = weixinOpenid;
        this.weixinUnionid = weixinUnionid;
        this.baiduOpenid = baiduOpenid;
        this.toutiaoOpenid = toutiaoOpenid;
        this.qqOpenid = qqOpenid;
        this.qqUnionid = qqUnionid;
        this.status = status;
        this.token = token;
        this.nickname = nickname;
        this.mobile = mobile;
        this.gender = gender;
        this.avatar = avatar;
        this.province = province;
        this.city = city;
        this.referrer = referrer;
        this.addTime = addTime;
        this.kuaishouOpenid = kuaishouOpenid;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
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

    public int getStatus() {
        return status;
    }

    public String getToken() {
        return token;
    }

    public String getNickname() {
        return nickname;
    }

    public String getMobile() {
        return mobile;
    }

    public int getGender() {
        return gender;
    }

    public String getAvatar() {
        return avatar;
    }

    public String getProvince() {
        return province;
    }

    public String getCity() {
        return city;
    }

    public long getReferrer() {
        return referrer;
    }

    public long getAddTime() {
        return addTime;
    }

    public String getKuaishouOpenid() {
        return kuaishouOpenid;
    }
}
