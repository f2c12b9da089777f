package io.minipass.adapters.persistence;

/**
 * The {@code <prefix>user} columns of the person a registration writes on either layout: all it writes on ShopXO v3
 * and later (the member code follows once the id is known), and what {@link UserInsert} adds the ids and the token to
 * on v2; every other column keeps its default. Mutable only in {@link #id}, filled in with the generated key.
 */
class PersonInsert {
    private long id;
    private final int status;
    private final String nickname;
    private final String mobile;
    private final int gender;
    private final String avatar;
    private final String province;
    private final String city;
    private final long referrer;
    private final long addTime;

    PersonInsert(int status, String nickname, String mobile, int gender, String avatar, String province, String city,
                 long referrer, long addTime) {
        this.status = status;
        this.nickname = nickname;
        this.mobile = mobile;
        this.gender = gender;
        this.avatar = avatar;
        this.province = province;
        this.city = city;
        this.referrer = referrer;
        this.addTime = addTime;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public int getStatus() {
        return status;
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
}
