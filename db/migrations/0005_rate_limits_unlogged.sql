-- The per-user request counters are written on every API request. Unlogged, those writes skip
-- the write-ahead log (no WAL record, no commit flush per request). The price: after a crash
-- PostgreSQL empties the table, which only starts every user's window afresh.
ALTER TABLE "api_rate_limits" SET UNLOGGED;
