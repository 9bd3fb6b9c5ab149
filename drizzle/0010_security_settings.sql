CREATE TABLE "user_security_settings" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"email_on_login" boolean DEFAULT false NOT NULL,
	"email_on_new_device" boolean DEFAULT true NOT NULL,
	"email_on_password_change" boolean DEFAULT true NOT NULL,
	"email_on_security_change" boolean DEFAULT true NOT NULL,
	"email_on_suspicious_activity" boolean DEFAULT true NOT NULL,
	"max_login_attempts" integer,
	"lockout_duration_minutes" integer,
	"max_session_duration_hours" integer,
	"allow_concurrent_sessions" boolean DEFAULT true NOT NULL,
	"max_concurrent_sessions" integer,
	"api_access_enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_security_settings" ADD CONSTRAINT "user_security_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;