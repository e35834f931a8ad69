CREATE TABLE "community_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "community_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"subject" text,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "contact_address" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "office_hours" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "community_changes_community_id_at_index" ON "community_changes" USING btree ("community_id","at");