CREATE TABLE "alarm_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alarm_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"alarm_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_order_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"work_order_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD COLUMN "anchor_date" date;--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD COLUMN "shift" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "floor" smallint;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "public_area" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "alarm_id" integer;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "before_photos" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "after_photos" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "visited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alarm_events" ADD CONSTRAINT "alarm_events_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_events_alarm_id_at_index" ON "alarm_events" USING btree ("alarm_id","at");--> statement-breakpoint
CREATE INDEX "alarm_events_community_id_at_index" ON "alarm_events" USING btree ("community_id","at");--> statement-breakpoint
CREATE INDEX "work_order_events_work_order_id_at_index" ON "work_order_events" USING btree ("work_order_id","at");--> statement-breakpoint
-- Audit trails are append-only: refuse UPDATE and DELETE of a written record.
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit trail % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER "alarm_events_append_only" BEFORE UPDATE OR DELETE ON "alarm_events" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "work_order_events_append_only" BEFORE UPDATE OR DELETE ON "work_order_events" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
