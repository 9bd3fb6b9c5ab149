CREATE TABLE "field_permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"role_id" integer,
	"group_id" integer,
	"entity" varchar(100) NOT NULL,
	"field" varchar(100) NOT NULL,
	"can_read" boolean DEFAULT true NOT NULL,
	"can_write" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_permissions_one_principal" CHECK (("field_permissions"."role_id" is null) <> ("field_permissions"."group_id" is null))
);
--> statement-breakpoint
ALTER TABLE "field_permissions" ADD CONSTRAINT "field_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_permissions" ADD CONSTRAINT "field_permissions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "field_permissions_role_unique" ON "field_permissions" USING btree ("role_id","entity","field") WHERE "field_permissions"."role_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "field_permissions_group_unique" ON "field_permissions" USING btree ("group_id","entity","field") WHERE "field_permissions"."group_id" is not null;--> statement-breakpoint
CREATE INDEX "field_permissions_group_idx" ON "field_permissions" USING btree ("group_id");