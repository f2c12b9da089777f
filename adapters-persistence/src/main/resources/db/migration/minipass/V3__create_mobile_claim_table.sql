-- One row per mobile this service ever registered or bound: the database's guarantee of one live
-- user per mobile, as minipass_openid_claim is for openids. sxo_user.mobile is '' for a user
-- without one and its index is not unique, so it cannot carry the rule itself. A claim whose user
-- no longer holds the mobile live (soft-deleted, or changed or cleared by the shop) is stale, and
-- the next registration or binding of that mobile takes it over.
CREATE TABLE IF NOT EXISTS ${prefix}minipass_mobile_claim (
    mobile  VARBINARY(20) NOT NULL,
    user_id INT UNSIGNED  NOT NULL,
    PRIMARY KEY (mobile)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
