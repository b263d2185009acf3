DROP INDEX "messages_dispatch";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "fanned_out_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "messages_dispatch" ON "messages" USING btree ("account_id","phone_number_id","send_after") WHERE "messages"."status" in ('pending', 'ready', 'claimed');