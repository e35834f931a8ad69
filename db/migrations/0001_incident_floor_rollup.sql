-- Keep incident_floor_daily in step with throwing incidents. Statement-level
-- triggers with transition tables fold a whole batch insert into one upsert,
-- so bulk ingest pays one GROUP BY per statement, not one write per row.
CREATE OR REPLACE FUNCTION incident_floor_rollup_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_floor_daily (community_id, building_id, floor, day, count)
  SELECT community_id, building_id, coalesce(floor, 0),
         (occurred_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
  FROM new_rows
  WHERE kind = 'throwing' AND building_id IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (building_id, floor, day)
  DO UPDATE SET count = incident_floor_daily.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION incident_floor_rollup_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_floor_daily d
  SET count = d.count - o.n
  FROM (
    SELECT building_id, coalesce(floor, 0) AS floor,
           (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n
    FROM old_rows
    WHERE kind = 'throwing' AND building_id IS NOT NULL
    GROUP BY 1, 2, 3
  ) o
  WHERE d.building_id = o.building_id AND d.floor = o.floor AND d.day = o.day;
  DELETE FROM incident_floor_daily WHERE count <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_insert AFTER INSERT ON incidents
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_add();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_delete AFTER DELETE ON incidents
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_remove();
--> statement-breakpoint
-- An update that moves an incident (re-attributed floor, corrected time) is a
-- removal of the old row and an addition of the new one.
CREATE TRIGGER incidents_rollup_update_old AFTER UPDATE ON incidents
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_remove();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_update_new AFTER UPDATE ON incidents
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_add();
