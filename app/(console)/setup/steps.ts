// The wizard's steps in order, each with its page and whether it is done (from onboard.progress).
// "Each step can be left and resumed": done means the step has made something, nothing more.
export const STEPS = [
  'overview',
  'buildings',
  'units',
  'households',
  'devices',
  'grids',
  'patrol',
  'retrofit',
  'thresholds',
] as const;
export type Step = (typeof STEPS)[number];

export type Progress = {
  buildings: number;
  units: number;
  households: number;
  devices: number;
  devicesWithToken: number;
  grids: number;
  patrolPoints: number;
  patrolRoutes: number;
  retrofitCases: number;
  /** Thresholds this community set over the design values. */
  thresholds?: number;
};

export const stepHref = (slug: string, step: Step) =>
  step === 'overview' ? `/setup/${slug}` : `/setup/${slug}/${step}`;

/** Done, to do, or null for an optional step that has made nothing (retrofit cases, thresholds). */
export function stepDone(step: Step, p: Progress): boolean | null {
  switch (step) {
    case 'overview':
      return true;
    case 'buildings':
      return p.buildings > 0;
    case 'units':
      return p.units > 0;
    case 'households':
      return p.households > 0;
    case 'devices':
      return p.devices > 0;
    case 'grids':
      return p.grids > 0;
    case 'patrol':
      return p.patrolPoints > 0 && p.patrolRoutes > 0;
    case 'retrofit':
      return p.retrofitCases > 0 ? true : null;
    case 'thresholds':
      return p.thresholds ? true : null;
  }
}
