CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."number_kind" AS ENUM('long_code', 'toll_free', 'short_code');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('manager', 'agent');--> statement-breakpoint
CREATE TYPE "public"."automation_action" AS ENUM('send_message', 'send_survey');--> statement-breakpoint
CREATE TYPE "public"."automation_status" AS ENUM('active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."automation_trigger" AS ENUM('contact_created', 'tag_added', 'keyword', 'date', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."execution_status" AS ENUM('scheduled', 'sent', 'failed', 'skipped', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."recipient_status" AS ENUM('pending', 'delivered', 'failed', 'suppressed');--> statement-breakpoint
CREATE TYPE "public"."opt_out_kind" AS ENUM('opt_out', 'opt_in');--> statement-breakpoint
CREATE TYPE "public"."opt_out_source" AS ENUM('keyword', 'carrier', 'manual', 'import');--> statement-breakpoint
CREATE TYPE "public"."inbound_kind" AS ENUM('reply', 'opt_out', 'opt_in', 'help');--> statement-breakpoint
CREATE TYPE "public"."message_direction" AS ENUM('outbound', 'inbound');--> statement-breakpoint
CREATE TYPE "public"."message_encoding" AS ENUM('GSM-7', 'UCS-2');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('pending', 'ready', 'claimed', 'suppressed', 'queued', 'accepted', 'scheduled', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled', 'partially_delivered', 'receiving', 'received');--> statement-breakpoint
CREATE TYPE "public"."outbound_kind" AS ENUM('campaign', 'automation', 'keyword_response');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('single_choice', 'multiple_choice', 'rating', 'nps', 'free_text');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"country" text DEFAULT 'US' NOT NULL,
	"monthly_credits" integer,
	"overage_price_per_credit" numeric(10, 4) DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"quiet_hours_start" smallint DEFAULT 480 NOT NULL,
	"quiet_hours_end" smallint DEFAULT 1260 NOT NULL,
	"help_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_quiet_hours_range" CHECK ("accounts"."quiet_hours_start" between 0 and 1440 and "accounts"."quiet_hours_end" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "login_emails" (
	"email" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	CONSTRAINT "login_emails_lowercase" CHECK ("login_emails"."email" = lower("login_emails"."email"))
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "number_routes" (
	"e164" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"phone_number_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_numbers" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "phone_numbers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"e164" text NOT NULL,
	"label" text,
	"kind" "number_kind" DEFAULT 'long_code' NOT NULL,
	"send_rate_per_second" numeric(8, 3),
	"next_send_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_numbers_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "phone_numbers_account_e164" UNIQUE("account_id","e164")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'agent' NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "users_account_email" UNIQUE("account_id","email")
);
--> statement-breakpoint
CREATE TABLE "automation_executions" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "automation_executions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"automation_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"trigger_key" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"status" "execution_status" DEFAULT 'scheduled' NOT NULL,
	"skip_reason" text,
	"message_id" bigint,
	"executed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automation_executions_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "automation_executions_once" UNIQUE("account_id","automation_id","contact_id","trigger_key")
);
--> statement-breakpoint
CREATE TABLE "automation_recipients" (
	"account_id" bigint NOT NULL,
	"automation_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"status" "recipient_status" DEFAULT 'pending' NOT NULL,
	"message_status" "message_status" DEFAULT 'pending' NOT NULL,
	"status_rank" smallint DEFAULT 0 NOT NULL,
	"message_id" bigint,
	"first_messaged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"opted_out_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"survey_responded_at" timestamp with time zone,
	CONSTRAINT "automation_recipients_account_id_automation_id_contact_id_pk" PRIMARY KEY("account_id","automation_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "automations" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "automations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"status" "automation_status" DEFAULT 'inactive' NOT NULL,
	"trigger" "automation_trigger" NOT NULL,
	"trigger_tag_id" bigint,
	"trigger_keyword" text,
	"trigger_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"audience" text DEFAULT 'all' NOT NULL,
	"time_zone" text NOT NULL,
	"action" "automation_action" NOT NULL,
	"body" text NOT NULL,
	"survey_id" bigint,
	"from_number_id" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "automations_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_recipients" (
	"account_id" bigint NOT NULL,
	"campaign_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"sort_name" text NOT NULL,
	"status" "recipient_status" DEFAULT 'pending' NOT NULL,
	"message_status" "message_status" DEFAULT 'pending' NOT NULL,
	"status_rank" smallint DEFAULT 0 NOT NULL,
	"status_reason" text,
	"error_code" integer,
	"message_id" bigint,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"last_reply" text,
	"opted_out_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"click_count" integer DEFAULT 0 NOT NULL,
	"survey_viewed_at" timestamp with time zone,
	"survey_responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_recipients_account_id_campaign_id_contact_id_pk" PRIMARY KEY("account_id","campaign_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"body" text NOT NULL,
	"from_number_id" bigint NOT NULL,
	"survey_id" bigint,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"audience" text DEFAULT 'all' NOT NULL,
	"source_campaign_id" bigint,
	"scheduled_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_tags" (
	"account_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"tag_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_tags_account_id_contact_id_tag_id_pk" PRIMARY KEY("account_id","contact_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"phone" text NOT NULL,
	"time_zone" text,
	"birthday" date,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower("contacts"."first_name" || ' ' || "contacts"."last_name" || ' ' || "contacts"."phone")) STORED NOT NULL,
	CONSTRAINT "contacts_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "contacts_account_phone" UNIQUE("account_id","phone")
);
--> statement-breakpoint
CREATE TABLE "opt_outs" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "opt_outs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" bigint NOT NULL,
	"kind" "opt_out_kind" NOT NULL,
	"source" "opt_out_source" NOT NULL,
	"keyword" text,
	"message_id" bigint,
	"campaign_id" bigint,
	"automation_id" bigint,
	"user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opt_outs_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "tags_account_name" UNIQUE("account_id","name")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "conversations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" bigint NOT NULL,
	"phone_number_id" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_message_id" bigint NOT NULL,
	CONSTRAINT "conversations_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "link_clicks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"link_id" bigint NOT NULL,
	"is_bot" boolean NOT NULL,
	"method" text NOT NULL,
	"user_agent" text,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_clicks_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "link_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"link_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "links" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"destination" text NOT NULL,
	"contact_id" bigint NOT NULL,
	"message_id" bigint,
	"campaign_id" bigint,
	"automation_id" bigint,
	"click_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "links_code" UNIQUE("account_id","code")
);
--> statement-breakpoint
CREATE TABLE "message_events" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "message_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" bigint NOT NULL,
	"status" "message_status" NOT NULL,
	"error_code" integer,
	"applied" boolean NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_events_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"direction" "message_direction" NOT NULL,
	"outbound_kind" "outbound_kind",
	"inbound_kind" "inbound_kind",
	"contact_id" bigint NOT NULL,
	"phone_number_id" bigint NOT NULL,
	"contact_phone" text NOT NULL,
	"number_phone" text NOT NULL,
	"campaign_id" bigint,
	"automation_id" bigint,
	"automation_execution_id" bigint,
	"attempt" smallint DEFAULT 1 NOT NULL,
	"body" text NOT NULL,
	"encoding" "message_encoding",
	"segments" smallint DEFAULT 0 NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"status" "message_status" NOT NULL,
	"status_rank" smallint DEFAULT 0 NOT NULL,
	"status_reason" text,
	"error_code" integer,
	"provider_sid" text,
	"idempotency_key" text,
	"send_after" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"provider_attempts" smallint DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"attributed_message_id" bigint,
	"conversation_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "messages_provider_sid" UNIQUE("account_id","provider_sid"),
	CONSTRAINT "messages_idempotency_key" UNIQUE("account_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "provider_messages" (
	"sid" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"message_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_messages" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sim_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sid" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"body" text NOT NULL,
	"status_callback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sim_messages_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "sim_messages_sid" UNIQUE("account_id","sid"),
	CONSTRAINT "sim_messages_idempotency_key" UNIQUE("account_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "account_activity" (
	"account_id" bigint NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"messages_sent" integer DEFAULT 0 NOT NULL,
	"conversations_started" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "account_activity_account_id_bucket_start_pk" PRIMARY KEY("account_id","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "automation_activity" (
	"account_id" bigint NOT NULL,
	"automation_id" bigint NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"executions" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "automation_activity_account_id_automation_id_bucket_start_pk" PRIMARY KEY("account_id","automation_id","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "automation_stats" (
	"account_id" bigint NOT NULL,
	"automation_id" bigint NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"opted_out" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"clicks_total" integer DEFAULT 0 NOT NULL,
	"survey_responded" integer DEFAULT 0 NOT NULL,
	"executions" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "automation_stats_account_id_automation_id_pk" PRIMARY KEY("account_id","automation_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_stats" (
	"account_id" bigint NOT NULL,
	"campaign_id" bigint NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"suppressed" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replies_total" integer DEFAULT 0 NOT NULL,
	"opted_out" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"clicks_total" integer DEFAULT 0 NOT NULL,
	"survey_viewed" integer DEFAULT 0 NOT NULL,
	"survey_responded" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_stats_account_id_campaign_id_pk" PRIMARY KEY("account_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "survey_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"invitation_id" bigint NOT NULL,
	"question_id" bigint NOT NULL,
	"choices" jsonb,
	"score" smallint,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_answers_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "survey_answers_one_per_question" UNIQUE("account_id","invitation_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "survey_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survey_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"campaign_id" bigint,
	"automation_id" bigint,
	"automation_execution_id" bigint,
	"token" text NOT NULL,
	"viewed_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitations_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "survey_invitations_token" UNIQUE("account_id","token")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "survey_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survey_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	"kind" "question_kind" NOT NULL,
	"prompt" text NOT NULL,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_questions_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "survey_questions_position" UNIQUE("account_id","survey_id","position")
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"invitation_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"thank_you" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_emails" ADD CONSTRAINT "login_emails_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_routes" ADD CONSTRAINT "number_routes_account_id_phone_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","phone_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_executions" ADD CONSTRAINT "automation_executions_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_executions" ADD CONSTRAINT "automation_executions_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_executions" ADD CONSTRAINT "automation_executions_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_recipients" ADD CONSTRAINT "automation_recipients_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_recipients" ADD CONSTRAINT "automation_recipients_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_recipients" ADD CONSTRAINT "automation_recipients_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_account_id_trigger_tag_id_tags_account_id_id_fk" FOREIGN KEY ("account_id","trigger_tag_id") REFERENCES "public"."tags"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_account_id_survey_id_surveys_account_id_id_fk" FOREIGN KEY ("account_id","survey_id") REFERENCES "public"."surveys"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_account_id_from_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","from_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_account_id_created_by_users_account_id_id_fk" FOREIGN KEY ("account_id","created_by") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_from_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","from_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_survey_id_surveys_account_id_id_fk" FOREIGN KEY ("account_id","survey_id") REFERENCES "public"."surveys"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_source_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","source_campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_account_id_created_by_users_account_id_id_fk" FOREIGN KEY ("account_id","created_by") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_account_id_tag_id_tags_account_id_id_fk" FOREIGN KEY ("account_id","tag_id") REFERENCES "public"."tags"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_phone_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","phone_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_started_by_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","started_by_message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_account_id_link_id_links_account_id_id_fk" FOREIGN KEY ("account_id","link_id") REFERENCES "public"."links"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_account_id_link_id_links_account_id_id_fk" FOREIGN KEY ("account_id","link_id") REFERENCES "public"."links"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_phone_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","phone_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_automation_execution_id_automation_executions_account_id_id_fk" FOREIGN KEY ("account_id","automation_execution_id") REFERENCES "public"."automation_executions"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_attributed_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","attributed_message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_messages" ADD CONSTRAINT "provider_messages_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_messages" ADD CONSTRAINT "sim_messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_activity" ADD CONSTRAINT "account_activity_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_activity" ADD CONSTRAINT "automation_activity_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_stats" ADD CONSTRAINT "automation_stats_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_stats" ADD CONSTRAINT "campaign_stats_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_account_id_invitation_id_survey_invitations_account_id_id_fk" FOREIGN KEY ("account_id","invitation_id") REFERENCES "public"."survey_invitations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_account_id_question_id_survey_questions_account_id_id_fk" FOREIGN KEY ("account_id","question_id") REFERENCES "public"."survey_questions"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_survey_id_surveys_account_id_id_fk" FOREIGN KEY ("account_id","survey_id") REFERENCES "public"."surveys"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_campaign_id_campaigns_account_id_id_fk" FOREIGN KEY ("account_id","campaign_id") REFERENCES "public"."campaigns"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_automation_id_automations_account_id_id_fk" FOREIGN KEY ("account_id","automation_id") REFERENCES "public"."automations"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_automation_execution_id_automation_executions_account_id_id_fk" FOREIGN KEY ("account_id","automation_execution_id") REFERENCES "public"."automation_executions"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_account_id_survey_id_surveys_account_id_id_fk" FOREIGN KEY ("account_id","survey_id") REFERENCES "public"."surveys"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tokens" ADD CONSTRAINT "survey_tokens_account_id_invitation_id_survey_invitations_account_id_id_fk" FOREIGN KEY ("account_id","invitation_id") REFERENCES "public"."survey_invitations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_subject" ON "audit_events" USING btree ("account_id","subject_type","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "login_throttle_window" ON "login_throttle" USING btree ("window_started_at");--> statement-breakpoint
CREATE INDEX "automation_executions_history" ON "automation_executions" USING btree ("account_id","automation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "automation_executions_due" ON "automation_executions" USING btree ("scheduled_for") WHERE "automation_executions"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "automations_status" ON "automations" USING btree ("account_id","status","trigger");--> statement-breakpoint
CREATE INDEX "automations_name" ON "automations" USING btree ("account_id","name","id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_name" ON "campaign_recipients" USING btree ("account_id","campaign_id","sort_name","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_phone" ON "campaign_recipients" USING btree ("account_id","campaign_id","phone","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_status" ON "campaign_recipients" USING btree ("account_id","campaign_id","status","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_delivered" ON "campaign_recipients" USING btree ("account_id","campaign_id","delivered_at","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_replied" ON "campaign_recipients" USING btree ("account_id","campaign_id","replied_at","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_by_clicked" ON "campaign_recipients" USING btree ("account_id","campaign_id","clicked_at","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_contact" ON "campaign_recipients" USING btree ("account_id","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_search_trgm" ON "campaign_recipients" USING gin (("sort_name" || ' ' || "phone") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "campaigns_status_scheduled" ON "campaigns" USING btree ("account_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "campaigns_sent_at" ON "campaigns" USING btree ("account_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_created_at" ON "campaigns" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_name_trgm" ON "campaigns" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_tags_tag" ON "contact_tags" USING btree ("account_id","tag_id","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_search_trgm" ON "contacts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_name" ON "contacts" USING btree ("account_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "contacts_created" ON "contacts" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "opt_outs_contact" ON "opt_outs" USING btree ("account_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_started" ON "conversations" USING btree ("account_id","started_at");--> statement-breakpoint
CREATE INDEX "link_clicks_link" ON "link_clicks" USING btree ("account_id","link_id","clicked_at");--> statement-breakpoint
CREATE INDEX "links_message" ON "links" USING btree ("account_id","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_events_once" ON "message_events" USING btree ("account_id","message_id","status");--> statement-breakpoint
CREATE INDEX "messages_thread" ON "messages" USING btree ("account_id","contact_id","phone_number_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_campaign" ON "messages" USING btree ("account_id","campaign_id","contact_id");--> statement-breakpoint
CREATE INDEX "messages_automation" ON "messages" USING btree ("account_id","automation_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_dispatch" ON "messages" USING btree ("send_after") WHERE "messages"."status" in ('pending', 'ready', 'claimed');--> statement-breakpoint
CREATE INDEX "sim_messages_to" ON "sim_messages" USING btree ("account_id","to","created_at");--> statement-breakpoint
CREATE INDEX "survey_answers_question" ON "survey_answers" USING btree ("account_id","question_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign" ON "survey_invitations" USING btree ("account_id","campaign_id","contact_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_survey" ON "survey_invitations" USING btree ("account_id","survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "surveys_name" ON "surveys" USING btree ("account_id","name","id");