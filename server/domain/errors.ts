// Refusals below the routers: a code from a closed list and its parameters,
// never a sentence. server/trpc.ts is the one place that turns them into tRPC
// errors, with the message for the code (app/_i18n/messages/errors.*.json) in
// the caller's language; clients and tests read the code from `error.data`.
import type { AlarmState, RetrofitStage, WorkOrderAction, WorkOrderState } from '~/db/vocab';

/** Each code with the parameters its message needs. */
export type DomainErrorParams = {
  'auth.signIn': Record<string, never>;
  'auth.tier': { tier: string };
  'auth.community': { slug: string };
  'kiosk.readOnly': Record<string, never>;
  'kiosk.revoked': Record<string, never>;
  'community.notFound': { slug: string };
  'alarm.notFound': { id: number };
  'alarm.alreadyInState': { state: AlarmState };
  'alarm.moveIllegal': { move: 'acknowledge' | 'start' | 'resolve' | 'close'; state: AlarmState; from: AlarmState };
  'alarm.nothingToRecord': Record<string, never>;
  'alarm.noIncident': Record<string, never>;
  'incident.notFound': { id: number };
  'incident.alreadyReviewed': { state: string };
  'device.notFound': { device: string };
  'workOrder.notFound': { id: number };
  'workOrder.moveIllegal': { action: WorkOrderAction; state: WorkOrderState };
  'workOrder.visitNeedsAnswers': Record<string, never>;
  'workOrder.returnNeedsReason': Record<string, never>;
  'workOrder.transferNeedsOffice': Record<string, never>;
  'workOrder.changed': Record<string, never>;
  'workOrder.existsForAlarm': { code: string };
  'workOrder.beforePhotoMove': Record<string, never>;
  'workOrder.afterPhotoMove': Record<string, never>;
  'workOrder.photoMove': Record<string, never>;
  'place.required': Record<string, never>;
  'place.buildingOrArea': Record<string, never>;
  'place.floorNeedsBuilding': Record<string, never>;
  'place.unitNotFound': Record<string, never>;
  'place.unitNotInBuilding': Record<string, never>;
  'place.buildingNotInCommunity': Record<string, never>;
  'place.floorOutOfRange': { floors: number };
  'report.notFound': Record<string, never>;
  'unit.notFound': { building: string; unit: number };
  'patrol.period': Record<string, never>;
  'retrofit.caseNotFound': { id: number };
  'retrofit.importUnreadable': { detail: string };
  'costShare.invalidTotal': Record<string, never>;
  'costShare.noWeight': Record<string, never>;
  'stage.bad_date': { on: string };
  'stage.future': { on: string; today: string };
  'stage.before_previous': { on: string; last: string };
  'stage.same_stage': Record<string, never>;
  'stage.finished': Record<string, never>;
  'stage.reason_required': Record<string, never>;
  'stage.backwards': Record<string, never>;
  'stage.skips': { next: RetrofitStage | 'none' };
  'stage.consent_not_met': Record<string, never>;
  'stage.proposal_required': Record<string, never>;
  'stage.no_publicity': Record<string, never>;
  'stage.publicity_running': { endsOn: string };
  'stage.open_objections': { count: number };
  'scenario.notFound': { id: number };
  'scenario.foreignUnits': { units: string };
  'scenario.nameTaken': { name: string };
  'account.emailTaken': { email: string };
  'account.notFound': { id: string };
  'account.lastAdmin': Record<string, never>;
  'account.self': Record<string, never>;
  'account.mustChangePassword': Record<string, never>;
  'account.wrongPassword': Record<string, never>;
  'account.samePassword': Record<string, never>;
  'membership.notFound': { id: number };
  'membership.streetNotFound': { street: string };
  // Onboarding and editing a community (docs/ONBOARDING.md).
  'building.notFound': { id: number };
  'unit.idNotFound': { id: number };
  'household.notFound': { id: number };
  'grid.notFound': { id: number };
  'patrolPoint.notFound': { id: number };
  'patrolRoute.notFound': { id: number };
  'community.slugTaken': { slug: string };
  'import.unreadable': { detail: string };
  'import.rowsRefused': { count: number };
  // Grids, patrol, retrofit cases and thresholds set up in the wizard (H3).
  'patrolPoint.codeTaken': { code: string };
  'patrolRoute.pointNotInCommunity': { id: number };
  'patrolPlan.notFound': { id: number };
  'retrofit.caseExists': { unit: number };
  'threshold.outOfBounds': { key: string; min: number; max: number };
  'device.floorRange': { floor: number; floors: number };
  'building.numberTaken': { number: string };
  'building.modelInvalid': { detail: string };
  'household.roomTaken': { room: string };
};

export type DomainErrorCode = keyof DomainErrorParams;

type ParamsArg<C extends DomainErrorCode> =
  Record<string, never> extends DomainErrorParams[C] ? [params?: DomainErrorParams[C]] : [params: DomainErrorParams[C]];

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: C;
  readonly params: DomainErrorParams[C];

  constructor(code: C, ...[params]: ParamsArg<C>) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = (params ?? {}) as DomainErrorParams[C];
  }
}

/**
 * Messages of zod refinements at the edge (routers' input schemas) are these
 * codes too; their words live beside the domain codes' in the message files.
 */
export const INPUT_ERROR_CODES = [
  'input.slug',
  'input.localDate',
  'input.photoRef',
  'input.category',
  'input.phone',
  'input.reference',
  'input.deviceCode',
  'input.buildingNumber',
  'input.scenarioName',
  'input.scenarioUnits',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];
