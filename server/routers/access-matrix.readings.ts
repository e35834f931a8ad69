// Matrix entries (access.test.ts) for the device panel's readings (server/routers/device.ts).
import type { Entry } from './access-matrix';

export const READINGS_MATRIX: Record<string, Entry> = {
  'device.history': { tier: 'staff', input: (p) => ({ id: p.device }) },
};
