-- An incident's timeline is append-only: refuse UPDATE and DELETE at the database itself.
CREATE OR REPLACE FUNCTION incident_timeline_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'incident_timeline is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS incident_timeline_no_update_delete ON incident_timeline;
--> statement-breakpoint
CREATE TRIGGER incident_timeline_no_update_delete BEFORE UPDATE OR DELETE ON incident_timeline
  FOR EACH ROW EXECUTE FUNCTION incident_timeline_refuse_change();
