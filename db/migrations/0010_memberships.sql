CREATE TABLE "account_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"actor" text,
	"subject_email" text,
	"subject_user_id" text,
	"client_address" text,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "install_markers" (
	"name" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"community_id" integer,
	"street" text,
	"household_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_userId_role_communityId_street_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","community_id","street"),
	CONSTRAINT "memberships_place" CHECK (("memberships"."role" = 'district' and "memberships"."street" is not null and "memberships"."community_id" is null)
        or ("memberships"."role" <> 'district' and "memberships"."community_id" is not null and "memberships"."street" is null))
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'member';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_events_at_index" ON "account_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "account_events_subject_email_at_index" ON "account_events" USING btree ("subject_email","at");--> statement-breakpoint
CREATE INDEX "memberships_user_id_index" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_community_id_index" ON "memberships" USING btree ("community_id");--> statement-breakpoint
-- Accounts made before memberships held one role everywhere: each keeps what it could
-- reach, now written as a membership of that role in every community; an admin
-- narrows them in /accounts. Only admins stay global.
INSERT INTO "memberships" ("user_id", "role", "community_id", "created_by")
  SELECT u."id", u."role", c."id", 'migration' FROM "users" u CROSS JOIN "communities" c
  WHERE u."role" IN ('staff', 'planner', 'resident');--> statement-breakpoint
UPDATE "users" SET "role" = 'member' WHERE "role" <> 'admin';--> statement-breakpoint
-- A database that already holds communities was seeded or filled before: the demo is
-- never seeded into it again.
INSERT INTO "install_markers" ("name") SELECT 'demo_seeded' WHERE EXISTS (SELECT 1 FROM "communities");--> statement-breakpoint
CREATE TRIGGER "account_events_append_only" BEFORE UPDATE OR DELETE ON "account_events" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
