CREATE TABLE "hit_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hit_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"officer_id" uuid,
	"officer_label" text NOT NULL,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"subjects_with_hits" integer DEFAULT 0 NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_hits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"screening_id" uuid NOT NULL,
	"watchlist_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"source_ref" text NOT NULL,
	"list_version" integer NOT NULL,
	"score" double precision NOT NULL,
	"matched_name" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"status" text NOT NULL,
	"found_by" text NOT NULL,
	"proposed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"person" jsonb NOT NULL,
	"state" text NOT NULL,
	"is_current" boolean NOT NULL,
	"screened_against" jsonb NOT NULL,
	"batch_id" uuid,
	"requested_by" text NOT NULL,
	"screened_at" timestamp with time zone NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"watchlist_id" uuid NOT NULL,
	"source_ref" text NOT NULL,
	"primary_name" text NOT NULL,
	"data" jsonb NOT NULL,
	"from_version" integer NOT NULL,
	"until_version" integer,
	"change" text NOT NULL,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"watchlist_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text,
	"file_sha256" text NOT NULL,
	"entry_count" integer NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"removed" integer NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"format" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"current_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hit_decisions" ADD CONSTRAINT "hit_decisions_hit_id_screening_hits_id_fk" FOREIGN KEY ("hit_id") REFERENCES "public"."screening_hits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_batches" ADD CONSTRAINT "screening_batches_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_entry_id_watchlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."watchlist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD CONSTRAINT "watchlist_entries_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_versions" ADD CONSTRAINT "watchlist_versions_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "public"."watchlists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlists" ADD CONSTRAINT "watchlists_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hit_decisions_hit_idx" ON "hit_decisions" USING btree ("hit_id","decided_at");--> statement-breakpoint
CREATE INDEX "screening_batches_operation_idx" ON "screening_batches" USING btree ("operation_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_hits_queue_idx" ON "screening_hits" USING btree ("operation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "screening_hits_screening_idx" ON "screening_hits" USING btree ("screening_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_current_subject_uq" ON "screenings" USING btree ("operation_id","subject_type","subject_id") WHERE "screenings"."is_current";--> statement-breakpoint
CREATE INDEX "screenings_operation_screened_idx" ON "screenings" USING btree ("operation_id","screened_at");--> statement-breakpoint
CREATE INDEX "screenings_batch_idx" ON "screenings" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "watchlist_entries_current_idx" ON "watchlist_entries" USING btree ("watchlist_id","until_version");--> statement-breakpoint
CREATE INDEX "watchlist_entries_from_idx" ON "watchlist_entries" USING btree ("watchlist_id","from_version");--> statement-breakpoint
CREATE INDEX "watchlist_entries_ref_idx" ON "watchlist_entries" USING btree ("watchlist_id","source_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_versions_uq" ON "watchlist_versions" USING btree ("watchlist_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlists_operation_name_uq" ON "watchlists" USING btree ("operation_id",lower("name"));