// tRPC is initialised once, here. This file exports only the procedure kinds
// Linli allows, one per access tier, and it is the one place where authorization is
// decided (docs/ARCHITECTURE.md § Access): a community procedure names how its input
// says which community it concerns (a slug, or an object's id looked up once), and
// the caller's memberships must admit it there at the procedure's tier; a reach
// procedure serves only the communities the caller reaches. server/routers/access.test.ts
// calls every procedure as every role, in its own community and in another. This is
// also where refusals from below the routers (DomainError: a code and parameters)
// become tRPC errors, with the message for the code in the caller's language.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError, z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '~/lib/locales';
import type { Db } from '~/db/client';
import type { SessionUser } from './auth';
import { reachOf, reaches, type CommunityTier, type Grant, type Reach, type Tier } from './domain/access';
import { DomainError, type DomainErrorCode } from './domain/errors';
import { errorMessage, isErrorCode } from './error-messages';
import type { Kiosk } from './kiosk/links';
import type { LiveHub } from './live/hub';
import type { LivePublisher } from './live/publisher';
import { communityById, communityIdOf, holdsStreet, loadGrants, notFound, type ObjectKind } from './queries/access';
import { communityBySlug, type Community } from './queries/communities';
import { slugInput } from './routers/_inputs';
import { transformer } from './transformer';

export type { Tier, CommunityTier } from './domain/access';

/**
 * `live`: where staff actions publish what they changed (built by the runtime: server/runtime/).
 * `locale`: the caller's language for error messages (server/locale.ts); Chinese when absent.
 */
export type Context = {
  db: Db;
  user: SessionUser | null;
  /** A big screen opened by a kiosk link: a viewer of the link's community (server/kiosk/links.ts). */
  kiosk?: Kiosk;
  /** The screen's endpoint got a kiosk cookie whose link is revoked (or was never one): refused as such. */
  kioskRevoked?: boolean;
  /**
   * Whether the caller admitted at the start may still be served: the kiosk's link is not revoked,
   * the session not signed out, expired or disabled. Live streams ask it every few seconds and end
   * once it says no (server/live/while-allowed.ts); absent: nothing to re-check (router tests).
   */
  stillAllowed?: () => Promise<boolean>;
  live: LivePublisher;
  locale?: Locale;
  /** The hub live subscriptions read from; absent where no runtime runs (router tests), and subscriptions then fail. */
  liveHub?: () => Promise<LiveHub>;
  /** The caller's address (server/http/client-address.ts), for the account trail; absent in tests. */
  clientAddress?: string;
  /** Drops cached device credentials after their tokens are reissued; absent where no ingest runs. */
  forgetDevices?: (codes: readonly string[]) => Promise<void>;
};

/**
 * How a community procedure's input names its community: `slug`, or `<object kind>:<input key>`
 * for an object looked up by its id (an alarm by `id`, a work order's alarm by `alarmId`, …).
 */
export type CommunityScope = 'slug' | `${ObjectKind}:${'id' | 'alarmId' | 'caseId' | 'buildingId' | 'unitId'}`;

type Meta = { tier: Tier; scope?: CommunityScope | 'reach' };

/** How each domain refusal reads over HTTP: a missing thing, a malformed request, or a state that forbids it. */
const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  'auth.signIn': 'UNAUTHORIZED',
  'auth.tier': 'FORBIDDEN',
  'auth.community': 'FORBIDDEN',
  'kiosk.readOnly': 'FORBIDDEN',
  'kiosk.revoked': 'FORBIDDEN',
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
  'account.emailTaken': 'CONFLICT',
  'account.notFound': 'NOT_FOUND',
  'account.lastAdmin': 'CONFLICT',
  'account.self': 'CONFLICT',
  'account.mustChangePassword': 'FORBIDDEN',
  'account.wrongPassword': 'BAD_REQUEST',
  'account.samePassword': 'BAD_REQUEST',
  'membership.notFound': 'NOT_FOUND',
  'membership.streetNotFound': 'BAD_REQUEST',
  'building.notFound': 'NOT_FOUND',
  'unit.idNotFound': 'NOT_FOUND',
  'household.notFound': 'NOT_FOUND',
  'grid.notFound': 'NOT_FOUND',
  'patrolPoint.notFound': 'NOT_FOUND',
  'patrolRoute.notFound': 'NOT_FOUND',
  'community.slugTaken': 'CONFLICT',
  'import.unreadable': 'BAD_REQUEST',
  'import.rowsRefused': 'BAD_REQUEST',
  'patrolPoint.codeTaken': 'CONFLICT',
  'patrolRoute.pointNotInCommunity': 'BAD_REQUEST',
  'patrolPlan.notFound': 'NOT_FOUND',
  'retrofit.caseExists': 'CONFLICT',
  'threshold.outOfBounds': 'BAD_REQUEST',
  'device.floorRange': 'BAD_REQUEST',
  'building.numberTaken': 'CONFLICT',
  'building.modelInvalid': 'BAD_REQUEST',
  'household.roomTaken': 'CONFLICT',
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
  .meta<Meta>()
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

/** The grants of the request's account, read once however many calls a batch makes. */
const grantsByContext = new WeakMap<Context, Promise<Grant[]>>();

/** Who is calling, and which communities it reaches at `tier`; refuses a caller with none. */
async function admit(ctx: Context, tier: CommunityTier, path: string): Promise<{ user: SessionUser; reach: Reach }> {
  if (ctx.kiosk) {
    // A screen only watches: the viewer tier, over its link's community (or all, for a district link).
    if (tier !== 'viewer') throw new DomainError('kiosk.readOnly');
    return { user: kioskCaller(ctx.kiosk), reach: ctx.kiosk.communityId === null ? 'all' : [ctx.kiosk.communityId] };
  }
  const user = signedIn(ctx, path);
  if (user.role === 'admin') return { user, reach: 'all' };
  let grants = grantsByContext.get(ctx);
  if (!grants) grantsByContext.set(ctx, (grants = loadGrants(ctx.db, user.id)));
  const reach = reachOf(await grants, tier);
  if (reach.length === 0) throw new DomainError('auth.tier', { tier });
  return { user, reach };
}

/** What an account signed in with a one-time password may call until it has changed it. */
const BEFORE_PASSWORD_CHANGE = ['account.me', 'account.changePassword'];

function signedIn(ctx: Context, path: string): SessionUser {
  if (ctx.kiosk) throw new DomainError('kiosk.readOnly');
  if (!ctx.user) throw new DomainError(ctx.kioskRevoked ? 'kiosk.revoked' : 'auth.signIn');
  if (ctx.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.includes(path))
    throw new DomainError('account.mustChangePassword');
  return ctx.user;
}

/** The refusal that ends a live stream once `ctx.stillAllowed` says no: the link revoked, or signed out. */
export function accessEnded(ctx: Context): TRPCError {
  return toTRPCError(new DomainError(ctx.kiosk ? 'kiosk.revoked' : 'auth.signIn'), ctx.locale ?? DEFAULT_LOCALE);
}

/** The identity a kiosk's calls run as: never an account, so it owns nothing and can change nothing. */
function kioskCaller(k: Kiosk): SessionUser {
  return { id: `kiosk:${k.linkId}`, name: 'kiosk', email: `kiosk-${k.linkId}@linli.local`, role: 'member' };
}

const objectId = z.number().int().positive();

/**
 * The community `scope` names in the (deserialised) input: the same value the procedure's own
 * input schema reads next, since no input schema transforms a slug or an id.
 */
async function communityOfInput(db: Db, scope: CommunityScope, raw: unknown, reach: Reach): Promise<Community> {
  if (scope === 'slug') {
    const { slug } = parseOrRefuse(slugInput, raw);
    const community = await communityBySlug(db, slug);
    if (!reaches(reach, community.id)) throw new DomainError('auth.community', { slug });
    return community;
  }
  const [kind, key] = scope.split(':') as [ObjectKind, string];
  const id = parseOrRefuse(z.object({ [key]: objectId }), raw)[key] as number;
  const communityId = await communityIdOf(db, kind, id);
  // Another community's object reads as a missing one: probing ids tells an outsider nothing.
  if (!reaches(reach, communityId)) throw notFound(kind, id);
  return (await communityById(db, communityId))!;
}

function parseOrRefuse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
  return parsed.data;
}

export const publicProcedure = base.meta({ tier: 'public' });

/** Any account, about itself. */
export const signedInProcedure = base
  .meta({ tier: 'signedIn' })
  .use(({ ctx, path, next }) => next({ ctx: { ...ctx, user: signedIn(ctx, path) } }));

/** Global administration: accounts, screens, device credentials. */
export const adminProcedure = base.meta({ tier: 'admin' }).use(({ ctx, path, next }) => {
  const user = signedIn(ctx, path);
  if (user.role !== 'admin') throw new DomainError('auth.tier', { tier: 'admin' });
  return next({ ctx: { ...ctx, user } });
});

/**
 * Founding a community on a street (the onboarding wizard's first step): an admin, or an account
 * holding the district role of the street the input names, whose leadership onboards its communities.
 */
export const streetProcedure = base.meta({ tier: 'street' }).use(async ({ ctx, path, getRawInput, next }) => {
  const user = signedIn(ctx, path);
  if (user.role !== 'admin') {
    const { street } = parseOrRefuse(z.object({ street: z.string().trim().min(1) }), await getRawInput());
    if (!(await holdsStreet(ctx.db, user.id, street))) throw new DomainError('auth.tier', { tier: 'street' });
  }
  return next({ ctx: { ...ctx, user } });
});

/** A procedure about one community, which its input names by `scope`; `ctx.community` is that community. */
export function communityProcedure(tier: CommunityTier, scope: CommunityScope) {
  return base.meta({ tier, scope }).use(async ({ ctx, path, getRawInput, next }) => {
    const { user, reach } = await admit(ctx, tier, path);
    const community = await communityOfInput(ctx.db, scope, await getRawInput(), reach);
    return next({ ctx: { ...ctx, user, community } });
  });
}

/** A procedure over every community the caller reaches at `tier` (`ctx.reach`), and no other. */
export function reachProcedure(tier: CommunityTier) {
  return base.meta({ tier, scope: 'reach' }).use(async ({ ctx, path, next }) => {
    const { user, reach } = await admit(ctx, tier, path);
    return next({ ctx: { ...ctx, user, reach } });
  });
}
