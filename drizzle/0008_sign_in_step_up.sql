ALTER TABLE "two_factor_challenges" ADD COLUMN "email_code_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "two_factor_challenges" ADD COLUMN "risk" jsonb;