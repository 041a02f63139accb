SELECT id, warehouse_code, warehouse_type, create_time, warehouse_name FROM warehouse ORDER BY id LIMIT 6
