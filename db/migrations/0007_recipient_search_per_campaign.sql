-- btree_gin lets a GIN index hold the campaign id beside the trigrams (a trusted
-- extension shipped with PostgreSQL, like pg_trgm; PGlite loads it too).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "campaign_recipients_search_trgm";--> statement-breakpoint
CREATE INDEX "campaign_recipients_search_trgm" ON "campaign_recipients" USING gin ("campaign_id",("sort_name" || ' ' || "phone") gin_trgm_ops);
