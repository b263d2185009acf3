CREATE TABLE "account_activity_daily" (
	"account_id" bigint NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"automation_credits" integer DEFAULT 0 NOT NULL,
	"messages_sent" integer DEFAULT 0 NOT NULL,
	"conversations_started" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "account_activity_daily_account_id_day_start_pk" PRIMARY KEY("account_id","day_start")
);
--> statement-breakpoint
ALTER TABLE "account_activity_daily" ADD CONSTRAINT "account_activity_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing activity, rolled up by UTC day (the same sums lib/stats recomputes from raw rows).
INSERT INTO "account_activity_daily" ("account_id", "day_start", "credits", "automation_credits", "messages_sent", "conversations_started")
SELECT "account_id", "day_start", sum("credits"), sum("automation_credits"), sum("messages_sent"), sum("conversations_started")
FROM (
  SELECT "account_id", date_bin('1 day', "bucket_start", timestamptz '2000-01-01 00:00+00') AS "day_start",
         "credits", 0 AS "automation_credits", "messages_sent", "conversations_started"
  FROM "account_activity"
  UNION ALL
  SELECT "account_id", date_bin('1 day', "bucket_start", timestamptz '2000-01-01 00:00+00'), 0, "credits", 0, 0
  FROM "automation_activity"
) "activity"
GROUP BY "account_id", "day_start";
