// Matrix entries (access.test.ts) for the big screen's ticker (server/routers/screen.ts). The
// district ticker is a list whose newest lines may all come from one community, so which
// communities it covers is checked in server/routers/screen.test.ts instead of by `covers`.
import type { Entry, Place } from './access-matrix';

export const SCREEN_MATRIX: Record<string, Entry> = {
  'screen.ticker': { tier: 'viewer', input: (p: Place) => ({ slug: p.slug }) },
  'screen.districtTicker': { tier: 'viewer' },
};
