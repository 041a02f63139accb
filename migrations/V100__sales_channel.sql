-- Target of schemes/sales-channel.yaml: one row per Jackyun sales channel (销售渠道), id = channelId.
-- Scheme migrations live here, read at start-up (no rebuild); versions 100 and up (the app's own use 1..99).
CREATE TABLE IF NOT EXISTS sales_channel (
    id            BIGINT       NOT NULL PRIMARY KEY COMMENT 'Jackyun channelId',
    channel_code  VARCHAR(64)  NOT NULL COMMENT '渠道编码',
    channel_name  VARCHAR(255) NULL COMMENT '渠道名称',
    channel_type  INT          NULL COMMENT '渠道类型',
    platform_name VARCHAR(64)  NULL COMMENT '平台',
    source_Id     INT          NULL COMMENT '系统来源 (3 = Jackyun)',
    create_time   DATETIME     NULL,
    update_time   DATETIME     NULL,
    KEY idx_sales_channel_code (channel_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
