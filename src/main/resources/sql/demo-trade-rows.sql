SELECT t.trade_id, t.trade_no, t.trade_status, t.shop_name, t.check_total, t.gmt_modified,
       g.sub_trade_id, g.goods_no, g.sell_count, g.sell_price, g.sell_total
FROM (SELECT trade_id, trade_no, trade_status, shop_name, check_total, gmt_modified
      FROM trade ORDER BY gmt_modified, trade_id LIMIT 5) t
LEFT JOIN trade_goods g ON g.trade_id = t.trade_id
ORDER BY t.gmt_modified, t.trade_id, g.sub_trade_id
