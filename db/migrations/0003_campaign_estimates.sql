ALTER TABLE "campaigns" ADD COLUMN "estimated_recipients" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "estimated_credits" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "estimated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "campaigns_unsent" ON "campaigns" USING btree ("status","estimated_at") WHERE "campaigns"."status" in ('draft', 'scheduled');--> statement-breakpoint
CREATE INDEX "automation_activity_account_time" ON "automation_activity" USING btree ("account_id","bucket_start","credits");