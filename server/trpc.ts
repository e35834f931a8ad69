// tRPC is initialised once, here. This file exports only the procedure kinds
// Linli allows: one per access tier (docs/ARCHITECTURE.md § Access tiers). Every procedure is built
// from exactly one of them, and server/routers/access.test.ts calls each one
// as every tier. It is also the one place where refusals from below the
// routers (DomainError: a code and parameters) become tRPC errors, with the
// message for the code in the caller's language.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '~/lib/locales';
import type { Db } from '~/db/client';
import type { Role } from '~/db/vocab';
import type { SessionUser } from './auth';
import { DomainError, type DomainErrorCode } from './domain/errors';
import { errorMessage, isErrorCode } from './error-messages';
import type { LiveHub } from './live/hub';
import type { LivePublisher } from './live/publisher';
import { transformer } from './transformer';

/**
 * `live`: where staff actions publish what they changed (built by the runtime: server/runtime/).
 * `locale`: the caller's language for error messages (server/locale.ts); Chinese when absent.
 */
export type Context = {
  db: Db;
  user: SessionUser | null;
  live: LivePublisher;
  locale?: Locale;
  /** The hub live subscriptions read from; absent where no runtime runs (router tests), and subscriptions then fail. */
  liveHub?: () => Promise<LiveHub>;
  /** Drops cached device credentials after their tokens are reissued; absent where no ingest runs. */
  forgetDevices?: (codes: readonly string[]) => Promise<void>;
};

export type Tier = 'public' | 'resident' | 'planner' | 'staff' | 'admin';

/** Which signed-in roles each tier admits; 'public' admits anyone, signed in or not. */
export const TIER_ROLES: Record<Exclude<Tier, 'public'>, readonly Role[]> = {
  resident: ['resident', 'planner', 'staff', 'admin'],
  planner: ['planner', 'staff', 'admin'],
  staff: ['staff', 'admin'],
  admin: ['admin'],
};

/** How each domain refusal reads over HTTP: a missing thing, a malformed request, or a state that forbids it. */
const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  'auth.signIn': 'UNAUTHORIZED',
  'auth.tier': 'FORBIDDEN',
  'community.notFound': 'NOT_FOUND',
  'alarm.notFound': 'NOT_FOUND',
  'alarm.alreadyInState': 'CONFLICT',
  'alarm.moveIllegal': 'CONFLICT',
  'alarm.nothingToRecord': 'BAD_REQUEST',
  'alarm.noIncident': 'BAD_REQUEST',
  'incident.notFound': 'NOT_FOUND',
  'incident.alreadyReviewed': 'CONFLICT',
  'device.notFound': 'NOT_FOUND',
  'workOrder.notFound': 'NOT_FOUND',
  'workOrder.moveIllegal': 'CONFLICT',
  'workOrder.visitNeedsAnswers': 'CONFLICT',
  'workOrder.returnNeedsReason': 'CONFLICT',
  'workOrder.transferNeedsOffice': 'CONFLICT',
  'workOrder.changed': 'CONFLICT',
  'workOrder.existsForAlarm': 'CONFLICT',
  'workOrder.beforePhotoMove': 'BAD_REQUEST',
  'workOrder.afterPhotoMove': 'BAD_REQUEST',
  'workOrder.photoMove': 'BAD_REQUEST',
  'place.required': 'BAD_REQUEST',
  'place.buildingOrArea': 'BAD_REQUEST',
  'place.floorNeedsBuilding': 'BAD_REQUEST',
  'place.unitNotFound': 'BAD_REQUEST',
  'place.unitNotInBuilding': 'BAD_REQUEST',
  'place.buildingNotInCommunity': 'BAD_REQUEST',
  'place.floorOutOfRange': 'BAD_REQUEST',
  'report.notFound': 'NOT_FOUND',
  'unit.notFound': 'NOT_FOUND',
  'patrol.period': 'BAD_REQUEST',
  'retrofit.caseNotFound': 'NOT_FOUND',
  'retrofit.importUnreadable': 'BAD_REQUEST',
  'costShare.invalidTotal': 'UNPROCESSABLE_CONTENT',
  'costShare.noWeight': 'UNPROCESSABLE_CONTENT',
  // A malformed or impossible request is BAD_REQUEST; a sound one the case's state forbids is CONFLICT.
  'stage.bad_date': 'BAD_REQUEST',
  'stage.future': 'BAD_REQUEST',
  'stage.before_previous': 'BAD_REQUEST',
  'stage.reason_required': 'BAD_REQUEST',
  'stage.proposal_required': 'BAD_REQUEST',
  'stage.same_stage': 'CONFLICT',
  'stage.finished': 'CONFLICT',
  'stage.backwards': 'CONFLICT',
  'stage.skips': 'CONFLICT',
  'stage.consent_not_met': 'CONFLICT',
  'stage.no_publicity': 'CONFLICT',
  'stage.publicity_running': 'CONFLICT',
  'stage.open_objections': 'CONFLICT',
  'scenario.notFound': 'NOT_FOUND',
  'scenario.foreignUnits': 'BAD_REQUEST',
  'scenario.nameTaken': 'CONFLICT',
};

/** The domain error codes, each with its tRPC code (the message files' test walks them). */
export const DOMAIN_ERROR_TRPC_CODES: Readonly<Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>> = TRPC_CODE;

function toTRPCError(error: DomainError, locale: Locale): TRPCError {
  return new TRPCError({
    code: TRPC_CODE[error.code],
    message: errorMessage(error.code, error.params, locale),
    cause: error,
  });
}

/** Zod refinements name an input code as their message; the reader gets its words. */
function inputMessages(
  flat: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> },
  locale: Locale,
) {
  const words = (m: string) => (isErrorCode(m, locale) ? errorMessage(m, {}, locale) : m);
  return {
    formErrors: flat.formErrors.map(words),
    fieldErrors: Object.fromEntries(Object.entries(flat.fieldErrors).map(([k, list]) => [k, list?.map(words)])),
  };
}

const t = initTRPC
  .context<Context>()
  .meta<{ tier: Tier }>()
  .create({
    transformer,
    // Live streams (SSE) carry a ping every 10 s when quiet, and a client that hears nothing for 30 s
    // reopens its stream from the last frame it saw: a connection that died silently (a NAT timeout,
    // a pulled cable further away) does not leave a screen showing "live" over stale data.
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
    errorFormatter: ({ shape, error, ctx }) => ({
      ...shape,
      data: {
        ...shape.data,
        /** The refusal's code and parameters, for clients and tests that act on the kind of refusal. */
        domainError: error.cause instanceof DomainError ? { code: error.cause.code, params: error.cause.params } : null,
        zodError:
          error.cause instanceof ZodError ? inputMessages(error.cause.flatten(), ctx?.locale ?? DEFAULT_LOCALE) : null,
      },
    }),
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure starts here: a DomainError thrown below (or by a tier check) leaves as its TRPCError. */
const base = t.procedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError)
    throw toTRPCError(result.error.cause, ctx.locale ?? DEFAULT_LOCALE);
  return result;
});

function tierProcedure(tier: Exclude<Tier, 'public'>) {
  return base.meta({ tier }).use(({ ctx, next }) => {
    if (!ctx.user) throw new DomainError('auth.signIn');
    if (!TIER_ROLES[tier].includes(ctx.user.role)) throw new DomainError('auth.tier', { tier });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const publicProcedure = base.meta({ tier: 'public' });
export const residentProcedure = tierProcedure('resident');
export const plannerProcedure = tierProcedure('planner');
export const staffProcedure = tierProcedure('staff');
export const adminProcedure = tierProcedure('admin');
