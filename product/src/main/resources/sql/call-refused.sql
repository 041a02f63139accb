-- The gateway said the method's quota is spent: no call of it for this account until the day's row is another's.
UPDATE sync_call SET refused = ?, updated_at = NOW(3) WHERE account = ? AND method = ? AND period = ?
