-- a run left RUNNING was ended by a crash (a live one would hold the scheme's lock); its checkpoint never moved
UPDATE sync_run SET status = 'FAILED', error = 'interrupted: the process ended during the run', ended_at = NOW(3)
WHERE account = :#${header.account} AND scheme = :#${body} AND status = 'RUNNING'
