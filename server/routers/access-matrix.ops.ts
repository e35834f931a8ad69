// Matrix entries (access.test.ts) for the ops desk's response targets (server/routers/alarm.ts).
// Setting a target back to its default changes nothing where none was set, so the call repeats.
import type { Entry, Place } from './access-matrix';

const slug = (p: Place) => ({ slug: p.slug });

export const OPS_MATRIX: Record<string, Entry> = {
  'alarm.responseTargets': { tier: 'staff', input: slug },
  'alarm.setResponseTargets': { tier: 'staff', input: (p) => ({ slug: p.slug, values: { critical: null } }) },
};
