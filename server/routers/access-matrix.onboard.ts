// Matrix entries (access.test.ts) for onboarding and editing a community (docs/ONBOARDING.md).
import type { Entry } from './access-matrix';

export const ONBOARD_MATRIX: Record<string, Entry> = {};
