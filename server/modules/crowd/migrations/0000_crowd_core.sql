CREATE TABLE "crowd_plan_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"based_on_version" integer,
	"plan" jsonb NOT NULL,
	"created_by_label" text NOT NULL,
	"venue_signed_by_id" text,
	"venue_signed_by_label" text,
	"venue_signed_at" timestamp (3) with time zone,
	"command_signed_by_id" text,
	"command_signed_by_label" text,
	"command_signed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crowd_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"status" text NOT NULL,
	"progress" double precision NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb,
	"result_hash" text,
	"error" text,
	"reproduced_from" uuid,
	"created_by_id" text,
	"created_by_label" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "crowd_plan_versions" ADD CONSTRAINT "crowd_plan_versions_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowd_plan_versions" ADD CONSTRAINT "crowd_plan_versions_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowd_runs" ADD CONSTRAINT "crowd_runs_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowd_runs" ADD CONSTRAINT "crowd_runs_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowd_runs" ADD CONSTRAINT "crowd_runs_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowd_runs" ADD CONSTRAINT "crowd_runs_plan_version_id_crowd_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."crowd_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crowd_plan_versions_venue_version_uq" ON "crowd_plan_versions" USING btree ("venue_id","version");--> statement-breakpoint
CREATE INDEX "crowd_runs_match_created_idx" ON "crowd_runs" USING btree ("match_id","created_at");