UPDATE sync_dead_letter SET status = 'FAILED', attempts = attempts + 1, cause = :#${header.cause}, replayed_at = NOW(3)
WHERE id = :#${exchangeProperty.letter}
