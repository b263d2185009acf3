CREATE TYPE "public"."contact_import_status" AS ENUM('staged', 'imported', 'discarded');--> statement-breakpoint
CREATE TABLE "contact_import_rows" (
	"account_id" bigint NOT NULL,
	"import_id" bigint NOT NULL,
	"line" integer NOT NULL,
	"contact" jsonb,
	"errors" jsonb,
	CONSTRAINT "contact_import_rows_account_id_import_id_line_pk" PRIMARY KEY("account_id","import_id","line")
);
--> statement-breakpoint
CREATE TABLE "contact_imports" (
	"account_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "contact_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint,
	"filename" text NOT NULL,
	"status" "contact_import_status" DEFAULT 'staged' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"created_contacts" integer DEFAULT 0 NOT NULL,
	"updated_contacts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "contact_imports_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "contact_import_rows" ADD CONSTRAINT "contact_import_rows_account_id_import_id_contact_imports_account_id_id_fk" FOREIGN KEY ("account_id","import_id") REFERENCES "public"."contact_imports"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_imports_recent" ON "contact_imports" USING btree ("account_id","created_at");