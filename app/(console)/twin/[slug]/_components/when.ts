// How the twin's panels print an instant: date and time to the second, in the
// reader's language and the community's zone (the request config's time zone,
// lib/calendar.ts), e.g. "2026/12/3 14:05:00" or "12/3/26, 2:05:00 PM".
export const WHEN = { dateStyle: 'short', timeStyle: 'medium' } as const;
