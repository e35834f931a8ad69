-- Keep incident_floor_daily and incident_floor_monthly in step with throwing
-- incidents. Statement-level triggers with transition tables fold a whole
-- batch insert into one upsert per rollup, so bulk ingest pays one GROUP BY
-- per statement, not one write per row. Days and months are Asia/Shanghai.
CREATE FUNCTION incident_floor_rollup_add() RETURNS trigger
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

  INSERT INTO incident_floor_monthly (community_id, building_id, floor, month, count)
  SELECT community_id, building_id, coalesce(floor, 0),
         date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
  FROM new_rows
  WHERE kind = 'throwing' AND building_id IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (building_id, floor, month)
  DO UPDATE SET count = incident_floor_monthly.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Emptied cells are deleted by key: a blanket DELETE … WHERE count <= 0 would
-- scan every community's rollup on each update, a review-state change included.
CREATE FUNCTION incident_floor_rollup_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_floor_daily d SET count = d.count - o.n
  FROM (SELECT building_id, coalesce(floor, 0) AS floor,
               (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n
        FROM old_rows WHERE kind = 'throwing' AND building_id IS NOT NULL
        GROUP BY 1, 2, 3) o
  WHERE d.building_id = o.building_id AND d.floor = o.floor AND d.day = o.day;
  DELETE FROM incident_floor_daily d
  USING (SELECT DISTINCT building_id, coalesce(floor, 0) AS floor,
                (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day
         FROM old_rows WHERE kind = 'throwing' AND building_id IS NOT NULL) o
  WHERE d.building_id = o.building_id AND d.floor = o.floor AND d.day = o.day AND d.count <= 0;

  UPDATE incident_floor_monthly m SET count = m.count - o.n
  FROM (SELECT building_id, coalesce(floor, 0) AS floor,
               date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS month, count(*) AS n
        FROM old_rows WHERE kind = 'throwing' AND building_id IS NOT NULL
        GROUP BY 1, 2, 3) o
  WHERE m.building_id = o.building_id AND m.floor = o.floor AND m.month = o.month;
  DELETE FROM incident_floor_monthly m
  USING (SELECT DISTINCT building_id, coalesce(floor, 0) AS floor,
                date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS month
         FROM old_rows WHERE kind = 'throwing' AND building_id IS NOT NULL) o
  WHERE m.building_id = o.building_id AND m.floor = o.floor AND m.month = o.month AND m.count <= 0;
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
-- An update (re-attributed floor, corrected time) removes the old row and adds
-- the new one. PostgreSQL allows no column list on triggers with transition
-- tables, so every update passes through; the keyed delete keeps that cheap.
-- Triggers fire in name order: the add (…_a_new) runs before the remove
-- (…_b_old), so a cell never drops to zero only to be refilled.
CREATE TRIGGER incidents_rollup_update_a_new AFTER UPDATE ON incidents
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_add();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_update_b_old AFTER UPDATE ON incidents
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_floor_rollup_remove();
