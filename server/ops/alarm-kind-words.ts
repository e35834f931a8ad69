// Work orders are written in Chinese, like every order the committee files
// (the 12345 hotline's and the grid's too); an order opened from an alarm
// names the alarm's kind in the console's own words for it.
import type { AlarmKind } from '~/db/vocab';
import zh from '~/app/_i18n/messages/alarm.zh.json';

export function alarmKindZh(kind: AlarmKind): string {
  return zh.alarmKind[kind];
}
