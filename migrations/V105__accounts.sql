-- Several Jackyun accounts in one deployment (DESIGN.md, "Accounts"): every target and child table carries the account
-- first in its key; ids are not unique across accounts (the same skuId in two accounts is two rows). Rows written
-- before are the account 'default'; none is lost. Each ALTER rebuilds its table (a copy on disk, writes locked
-- meanwhile): on a large table run it ahead of the upgrade (docs/operations.md, "Upgrading to accounts").
ALTER TABLE sales_channel
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the Jackyun account (JACKYUN_ACCOUNTS)' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, id);

ALTER TABLE goods_sku
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the Jackyun account (JACKYUN_ACCOUNTS)' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, sku_id);

ALTER TABLE stock_quantity
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the Jackyun account (JACKYUN_ACCOUNTS)' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, quantity_id);

ALTER TABLE trade
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the Jackyun account (JACKYUN_ACCOUNTS)' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, trade_id);

ALTER TABLE trade_goods
    ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default' COMMENT 'the order''s account' FIRST,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account, sub_trade_id),
    DROP KEY idx_trade_goods_trade,
    ADD KEY idx_trade_goods_trade (account, trade_id);

