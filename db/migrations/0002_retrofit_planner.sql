CREATE TABLE "retrofit_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retrofit_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"attendees" jsonb NOT NULL,
	"concerns" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retrofit_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retrofit_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"resolved_on" date,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_scenarios" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_scenarios_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit_ids" jsonb NOT NULL,
	"budget_fen" bigint,
	"subsidy_cap_fen" bigint,
	"settings" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_scenarios_communityId_name_unique" UNIQUE("community_id","name")
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "shaft_occupied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "retrofit_cases" ADD COLUMN "publicity_proposal" text;--> statement-breakpoint
ALTER TABLE "retrofit_cases" ADD COLUMN "objection_channel" text;--> statement-breakpoint
ALTER TABLE "retrofit_votes" ADD COLUMN "intent_registered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "retrofit_meetings" ADD CONSTRAINT "retrofit_meetings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrofit_objections" ADD CONSTRAINT "retrofit_objections_case_id_retrofit_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."retrofit_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_scenarios" ADD CONSTRAINT "plan_scenarios_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retrofit_meetings_community_id_held_on_index" ON "retrofit_meetings" USING btree ("community_id","held_on");--> statement-breakpoint
CREATE INDEX "retrofit_objections_case_id_index" ON "retrofit_objections" USING btree ("case_id");