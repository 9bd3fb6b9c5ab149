CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"account" varchar(300) NOT NULL,
	"ip_address" varchar(45) NOT NULL,
	"user_id" integer,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_is_deleted_idx";--> statement-breakpoint
DROP INDEX "user_company_roles_company_idx";--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "login_attempts_account_ip_unique" ON "login_attempts" USING btree ("account","ip_address");--> statement-breakpoint
CREATE INDEX "login_attempts_user_idx" ON "login_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_live_idx" ON "users" USING btree ("id") WHERE "users"."is_deleted" = false;--> statement-breakpoint
CREATE INDEX "user_company_roles_company_member_idx" ON "user_company_roles" USING btree ("company_id","user_id") WHERE "user_company_roles"."is_active" = true;