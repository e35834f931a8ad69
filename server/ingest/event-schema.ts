// What a device may send, checked once at the door (HTTP or MQTT) before
// anything is written. Every object is strict, every number finite (zod 4's
// z.number() refuses ±Infinity and NaN), every string, array and record
// bounded, and nothing nests deeper than the trajectory's points: a hostile
// payload costs one parse and a 4xx, never a row or a crash.
import { z } from 'zod';
import { FACADES } from '~/db/vocab';

export const EVENT_KINDS = [
  'heartbeat',
  'reading',
  'fault',
  'recovered',
  'maintenance',
  'throwing',
  'ebike_blocked',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Largest batch one request or one MQTT message may carry. */
export const MAX_BATCH = 1000;
/** Largest body the HTTP door reads (bytes). */
export const MAX_BODY_BYTES = 1_000_000;
/** Events older than this are refused: a device replaying a year-old buffer is broken. */
const MAX_AGE_MS = 366 * 24 * 3600 * 1000;

/**
 * Text PostgreSQL can store: no NUL (text and jsonb refuse it) and no lone
 * UTF-16 surrogate (jsonb refuses those escapes). Either would fail the
 * whole batch it was written with, not just its own event.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text cannot store
export const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.search(UNSTORABLE) === -1, 'text with a NUL or a broken character');

const eventId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'event id: 1–64 of A–Z a–z 0–9 . _ : -');
const shortText = (max: number) => storableText(max).pipe(z.string().min(1));
const coordinate = z.number().min(-100_000).max(100_000);

/** A flat reading: named scalar fields, as devices report them (GB/T 24476 names for elevators). */
const readingData = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'field names: a letter, then up to 31 letters, digits or _'),
    z.union([z.number(), z.boolean(), storableText(64), z.null()]),
  )
  .refine((r) => Object.keys(r).length <= 32, 'at most 32 fields');

const dataByKind = {
  heartbeat: z
    .strictObject({
      battery: z.number().min(0).max(100).optional(),
      signal: z.number().min(-200).max(100).optional(),
    })
    .default({}),
  reading: readingData,
  fault: z.strictObject({ code: shortText(32), message: storableText(200).optional() }),
  recovered: z.strictObject({ code: shortText(32).optional() }).default({}),
  maintenance: z.strictObject({ on: z.boolean() }),
  throwing: z
    .strictObject({
      /** The floor the trajectory resolves to, when it does. */
      floor: z.number().int().min(1).max(200).optional(),
      floorBand: z.tuple([z.number().int().min(1).max(200), z.number().int().min(1).max(200)]),
      facade: z.enum(FACADES).optional(),
      windowColumn: z.number().int().min(1).max(64).optional(),
      trajectory: z
        .array(z.strictObject({ t: z.number().min(0).max(60), x: coordinate, y: coordinate, z: coordinate }))
        .min(2)
        .max(64),
      evidence: z
        .array(z.string().regex(/^[A-Za-z0-9._:/-]{1,128}$/))
        .max(8)
        .default([]),
    })
    .refine((d) => d.floorBand[0] <= d.floorBand[1], 'floorBand runs low to high')
    .refine(
      (d) => d.floor === undefined || (d.floor >= d.floorBand[0] && d.floor <= d.floorBand[1]),
      'floor lies in floorBand',
    ),
  ebike_blocked: z.strictObject({
    doorHeldSeconds: z.number().min(0).max(3600),
    releasedBy: z.enum(['auto', 'staff']),
  }),
} as const;

export type EventData = { [K in EventKind]: z.output<(typeof dataByKind)[K]> };

/** `at` as ISO 8601 with an offset, or epoch milliseconds. */
// Numbers first: a union tries its members in order, and a failed member
// costs an issue object — devices mostly send epoch milliseconds.
const timestamp = z
  .union([z.number().int().min(0).max(8.64e15), z.iso.datetime({ offset: true })])
  .transform((v) => new Date(v));

function eventSchema(maxFutureMs: number) {
  const when = timestamp.superRefine((at, ctx) => {
    const now = Date.now();
    if (Number.isNaN(at.getTime())) ctx.addIssue({ code: 'custom', message: 'not a valid time' });
    else if (at.getTime() > now + maxFutureMs)
      ctx.addIssue({ code: 'custom', message: 'stamped too far in the future (check the device clock)' });
    else if (at.getTime() < now - MAX_AGE_MS) ctx.addIssue({ code: 'custom', message: 'older than a year' });
  });
  // One strict object per kind so a field of the wrong kind is an error, not ignored.
  const variants = EVENT_KINDS.map((kind) =>
    z.strictObject({
      id: eventId,
      kind: z.literal(kind),
      at: when,
      /** Optional: when given it must name the device the credential belongs to. */
      device: storableText(64).optional(),
      data: dataByKind[kind],
    }),
  );
  return z.discriminatedUnion(
    'kind',
    variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]],
  );
}

/** Built once per setting: building a zod schema costs more than parsing with it. */
const schemas = new Map<number, ReturnType<typeof eventSchema>>();

export type IngestEvent = {
  [K in EventKind]: { id: string; kind: K; at: Date; device?: string; data: EventData[K] };
}[EventKind];

export type ParseResult = { ok: true; events: IngestEvent[] } | { ok: false; reason: string };

function describe(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${where || 'body'}: ${issue.message}`.slice(0, 300);
}

/**
 * Validates one event or a batch (an array). `kind` is imposed by an MQTT
 * topic; an event that names another kind is refused.
 */
export function parseEvents(body: unknown, opts: { maxFutureMs: number; kind?: string }): ParseResult {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) return { ok: false, reason: 'empty batch' };
  if (list.length > MAX_BATCH) return { ok: false, reason: `batch larger than ${MAX_BATCH} events` };
  let schema = schemas.get(opts.maxFutureMs);
  if (!schema) schemas.set(opts.maxFutureMs, (schema = eventSchema(opts.maxFutureMs)));
  const events: IngestEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    let item = list[i];
    if (opts.kind !== undefined && item && typeof item === 'object' && !Array.isArray(item)) {
      const given = (item as { kind?: unknown }).kind;
      if (given !== undefined && given !== opts.kind)
        return {
          ok: false,
          reason: `event ${i}: kind "${String(given).slice(0, 32)}" does not match the topic's "${opts.kind}"`,
        };
      item = { ...item, kind: opts.kind };
    }
    const parsed = schema.safeParse(item);
    if (!parsed.success) return { ok: false, reason: describe(parsed.error, Array.isArray(body) ? String(i) : '') };
    events.push(parsed.data as IngestEvent);
  }
  return { ok: true, events };
}

/** Parses JSON text without letting a hostile document escape as an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message.slice(0, 120) : 'parse error'}` };
  }
}
