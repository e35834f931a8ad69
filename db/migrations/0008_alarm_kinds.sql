-- Alarms keep their kind only: the console names each kind from the messages (alarmKind.<kind>), in
-- the reader's language, and shows the device beside it; the stored titles said nothing more.
ALTER TABLE "alarms" DROP COLUMN "title";