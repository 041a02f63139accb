SELECT COUNT(*) AS landed, MAX(update_time) AS last_update FROM warehouse
