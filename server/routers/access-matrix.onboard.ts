// Matrix entries (access.test.ts) for onboarding and editing a community (docs/ONBOARDING.md).
import type { Entry } from './access-matrix';

const slug = (p: { slug: string }) => ({ slug: p.slug });
let founded = 0;

export const ONBOARD_MATRIX: Record<string, Entry> = {
  // Founding a community on the own place's street (a district caller holds that street only).
  'onboard.create': {
    tier: 'street',
    input: (p) => ({
      slug: `matrix-${process.pid}-${++founded}`,
      name: '矩阵小区',
      street: p.street,
      district: '测试区',
      lng: 114.3,
      lat: 30.6,
    }),
  },
  'onboard.settings': { tier: 'staff', input: slug },
  // The same name again: admitted, and changes nothing.
  'onboard.update': { tier: 'staff', input: (p) => ({ slug: p.slug, officeHours: '周一至周五 9:00–17:00' }) },
  'onboard.progress': { tier: 'staff', input: slug },
  'onboard.changes': { tier: 'staff', input: slug },
};
