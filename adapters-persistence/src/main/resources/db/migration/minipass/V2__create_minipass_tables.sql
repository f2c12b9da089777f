-- Tables of this service only; ShopXO never reads them.
-- Ids are VARBINARY so that comparisons are exact bytes (no case folding, no ignored trailing spaces).

-- One row per (platform, openid) ever registered or bound: the database's guarantee of one live
-- user per openid. A claim whose user no longer holds the openid live (soft-deleted, or changed
-- by the shop) is stale, and the next registration takes it over.
CREATE TABLE IF NOT EXISTS ${prefix}minipass_openid_claim (
    platform VARCHAR(16)   NOT NULL,
    openid   VARBINARY(60) NOT NULL,
    user_id  INT UNSIGNED  NOT NULL,
    PRIMARY KEY (platform, openid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The platform ids sxo_user has no column for (Kuaishou openids, Toutiao unionids).
CREATE TABLE IF NOT EXISTS ${prefix}minipass_user_identity (
    user_id     INT UNSIGNED  NOT NULL,
    platform    VARCHAR(16)   NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    external_id VARBINARY(60) NOT NULL,
    PRIMARY KEY (user_id, platform, kind),
    KEY ${prefix}minipass_user_identity_external_id (platform, kind, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- When this service issued a user's current token; a token in sxo_user.token without a matching
-- row here was issued by something else (ShopXO itself).
CREATE TABLE IF NOT EXISTS ${prefix}minipass_token (
    user_id   INT UNSIGNED NOT NULL,
    token     VARCHAR(60)  NOT NULL,
    issued_at INT UNSIGNED NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
