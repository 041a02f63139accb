-- At start-up: a run this instance's name still holds RUNNING is one of a process before it with the same name (a
-- container restarted keeps its host name, and java is PID 1 again): it ended with that process.
UPDATE sync_run SET status = 'FAILED', error = 'interrupted: the process ended during the run', ended_at = NOW(3)
WHERE instance = ? AND status = 'RUNNING'
