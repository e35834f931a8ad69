-- Escalations used to store their explanation as a two-language sentence in
-- the trail's note; the trail now words the 'escalate' action from the
-- message files, so the stored sentence goes (a staff note is never written
-- on an escalation).
UPDATE "alarm_events" SET "note" = NULL WHERE "action" = 'escalate';
