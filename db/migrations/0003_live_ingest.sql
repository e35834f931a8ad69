CREATE TABLE "dead_letters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dead_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"device_code" text,
	"topic" text,
	"reason" text NOT NULL,
	"excerpt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_frames" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_frames" ADD CONSTRAINT "live_frames_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dead_letters_received_at_index" ON "dead_letters" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "live_frames_community_id_seq_index" ON "live_frames" USING btree ("community_id","seq");--> statement-breakpoint
CREATE INDEX "live_frames_created_at_index" ON "live_frames" USING btree ("created_at");--> statement-breakpoint
-- Hand-written (drizzle-kit does not see these; they live outside db/schema so
-- that the device and alarm schema files stay as they are). The ingest finds
-- a device by the hash of its bearer token on every HTTP request it has not
-- cached, and finds a device's active alarms on every batch; without these
-- both scan their whole table.
CREATE UNIQUE INDEX "devices_token_hash_unique" ON "devices" ("token_hash") WHERE "token_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "alarms_active_device_kind_index" ON "alarms" ("device_id", "kind") WHERE "state" IN ('open', 'acknowledged', 'in_progress');
