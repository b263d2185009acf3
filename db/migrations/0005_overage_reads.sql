CREATE TABLE "closed_month_overages" (
	"account_id" bigint NOT NULL,
	"campaign_id" bigint NOT NULL,
	"month_start" timestamp with time zone NOT NULL,
	"month_end" timestamp with time zone NOT NULL,
	"allowance" integer NOT NULL,
	"time_zone" text NOT NULL,
	"overage_credits" integer NOT NULL,
	CONSTRAINT "closed_month_overages_account_id_campaign_id_pk" PRIMARY KEY("account_id","campaign_id")
);
--> statement-breakpoint
DROP INDEX "automation_activity_account_time";--> statement-breakpoint
ALTER TABLE "account_activity" ADD COLUMN "automation_credits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "closed_month_overages" ADD CONSTRAINT "closed_month_overages_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closed_month_overages_by_month" ON "closed_month_overages" USING btree ("account_id","month_start");--> statement-breakpoint
-- Existing automation texts, summed per account and quarter hour (the same sums lib/stats
-- recomputes from raw rows). Every automation charge also charged the account's bucket,
-- so the row is there to update.
UPDATE "account_activity" "a" SET "automation_credits" = "s"."credits"
FROM (
  SELECT "account_id", "bucket_start", sum("credits")::int AS "credits"
  FROM "automation_activity"
  GROUP BY "account_id", "bucket_start"
) "s"
WHERE "a"."account_id" = "s"."account_id" AND "a"."bucket_start" = "s"."bucket_start";--> statement-breakpoint
CREATE INDEX "account_activity_automation_credits" ON "account_activity" USING btree ("account_id","bucket_start","automation_credits") WHERE "account_activity"."automation_credits" > 0;