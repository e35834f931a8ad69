// The telemetry catalog covers what devices really send, and says all of it in
// both languages with units. What they send is taken from the simulator's
// traffic for every class, accepted through the ingest's own event schema and
// folded into telemetry as the pipeline does (server/domain/device-status.ts):
// a field added there without a catalog entry and words fails here. The seeded
// demo's telemetry is held to the same catalog in server/routers/device-history.test.ts.
import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { deviceWords } from './device-words';
import en from '~/app/_i18n/messages/device.en.json';
import zh from '~/app/_i18n/messages/device.zh.json';
import { DEVICE_CLASSES, type DeviceClass } from '~/db/vocab';
import { applyEvent } from '~/server/domain/device-status';
import type { DeviceEvent } from '~/server/domain/device-event';
import { parseEvents } from '~/server/ingest/event-schema';
import { Traffic, type SimDevice } from '~/server/simulator/traffic';
import {
  CLASS_FIELDS,
  COMMON_FIELDS,
  FIELD_NAMES,
  fieldSpec,
  SAME_AS,
  telemetryEntries,
  TELEMETRY_FIELDS,
  UNITS,
} from '~/lib/telemetry-fields';

/** A small deterministic generator (mulberry32), so the traffic is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every telemetry field the simulator's traffic leaves on a device of each class. */
function simulatedFields(): Map<DeviceClass, Set<string>> {
  const devices: SimDevice[] = DEVICE_CLASSES.map((cls, i) => ({
    code: `T-${i}`,
    class: cls,
    token: 'x',
    slug: 't',
    heartbeatSeconds: 60,
    floorBand: [2, 6],
    buildingFloors: 6,
  }));
  const traffic = new Traffic(devices, { rate: 2000, rng: seeded(7), faultShare: 0.01 });
  const now = Date.now();
  const sent = [...traffic.tick(60_000, now), ...traffic.tick(1000, now + 3_600_000)];
  const out = new Map<DeviceClass, Set<string>>(DEVICE_CLASSES.map((c) => [c, new Set<string>()]));
  for (const e of sent) {
    // Through the ingest's door, as a device's HTTP post would be.
    const parsed = parseEvents({ id: e.id, kind: e.kind, at: now, data: e.data }, { maxFutureMs: 60_000 });
    expect(parsed.ok, `${e.device.class} ${e.kind} ${JSON.stringify(e.data)}`).toBe(true);
    if (!parsed.ok) continue;
    const event = parsed.events[0] as DeviceEvent;
    const outcome = applyEvent(
      { id: 1, class: e.device.class, communityId: 1, buildingId: null, unitId: null },
      { status: 'online', statusSince: new Date(0), active: new Set() },
      event,
      new Date(now),
    );
    for (const key of Object.keys(outcome.telemetry ?? {})) out.get(e.device.class)!.add(key);
  }
  return out;
}

describe('the telemetry catalog', () => {
  const simulated = simulatedFields();

  it.each(DEVICE_CLASSES)('lists every field the simulator sends for %s', (cls) => {
    const fields = simulated.get(cls)!;
    expect(fields.size).toBeGreaterThan(0);
    const listed = new Set<string>([...CLASS_FIELDS[cls], ...COMMON_FIELDS]);
    expect([...fields].filter((f) => !listed.has(f))).toEqual([]);
  });

  it('lists the heartbeat’s fields, which every device may send, as common to all', () => {
    // A field added to the ingest's heartbeat fails the type check here until it is listed.
    const heartbeat: Record<keyof Extract<DeviceEvent, { kind: 'heartbeat' }>['data'], true> = {
      battery: true,
      signal: true,
    };
    for (const f of Object.keys(heartbeat)) expect(COMMON_FIELDS).toContain(f);
    expect(COMMON_FIELDS).toContain('faultCode');
  });

  it('names only fields some class or every device reports', () => {
    const used = new Set<string>([...COMMON_FIELDS, ...Object.values(CLASS_FIELDS).flat()]);
    expect(FIELD_NAMES.filter((f) => !used.has(f))).toEqual([]);
    for (const fields of Object.values(CLASS_FIELDS)) for (const f of fields) expect(fieldSpec(f), f).not.toBeNull();
  });

  describe.each([
    ['zh', zh],
    ['en', en],
  ] as const)('in %s', (_locale, messages) => {
    const m = messages.device as unknown as {
      field: Record<string, string>;
      bool: Record<string, { true: string; false: string }>;
      enum: Record<string, Record<string, string>>;
      unit: Record<string, string>;
    };
    it('labels every field, with a unit pattern for every measurement and words for every state', () => {
      for (const name of FIELD_NAMES) {
        const spec = TELEMETRY_FIELDS[name];
        expect(m.field[name], name).toBeTruthy();
        if (spec.kind === 'number' && spec.unit)
          expect(m.unit[spec.unit], `${name}: ${spec.unit}`).toContain('{value}');
        if (spec.kind === 'boolean') {
          expect(m.bool[name]?.true, name).toBeTruthy();
          expect(m.bool[name]?.false, name).toBeTruthy();
        }
        if (spec.kind === 'enum') for (const v of spec.values) expect(m.enum[name]?.[v], `${name}.${v}`).toBeTruthy();
      }
      for (const unit of UNITS) expect(m.unit[unit], unit).toContain('{value}');
    });
  });

  it('gives every Chinese label in Chinese, never the field name', () => {
    const labels = (zh.device as { field: Record<string, string> }).field;
    for (const name of FIELD_NAMES) {
      expect(labels[name], name).not.toBe(name);
      // Chinese characters, with at most a symbol such as PM2.5 or pH.
      expect(labels[name], name).toMatch(/^(PM2\.5|pH 值|[\u4e00-\u9fff]+)$/);
    }
  });
});

describe('a reading in words', () => {
  const words = (locale: 'zh' | 'en') =>
    deviceWords(
      createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'device' }) as never,
      createFormatter({ locale, timeZone: 'Asia/Shanghai' }),
    );

  it('says a smoke detector’s reading as staff read it, in Chinese and in English', () => {
    const telemetry = { smoke: false, battery: 33, signalDbm: -103, obscurationPctPerM: 0.32 };
    const zhWords = words('zh');
    const shown = telemetryEntries(telemetry).map((e) => `${zhWords.label(e.name)} ${zhWords.value(e.name, e.value)}`);
    expect(shown).toEqual(['烟雾 无烟雾', '烟雾浓度 0.32 %/m', '电量 33 %', '信号 -103 dBm']);
    const enWords = words('en');
    expect(enWords.value('smoke', true)).toBe('Smoke detected');
    expect(`${enWords.label('battery')} ${enWords.value('battery', 33)}`).toBe('Battery 33 %');
  });

  it('translates states and fault codes, and rounds to the field’s decimals', () => {
    const w = words('zh');
    expect(w.value('direction', 'up')).toBe('上行');
    expect(w.value('fault', 0)).toBe('无故障');
    expect(w.value('fault', null)).toBe('无故障');
    expect(w.value('fault', 'E15')).toBe('E15');
    expect(w.value('pressureMpa', 0.31234)).toBe('0.312 MPa');
    expect(w.value('floor', 7)).toBe('7 层');
    expect(words('en').value('floor', 7)).toBe('floor 7');
    expect(w.value('temperatureC', 12345.67)).toBe('12,345.7 °C');
  });

  it('shows one row for a quantity the device has sent under two spellings', () => {
    const names = telemetryEntries({ signal: -95, signalDbm: -82, battery: 50, doorOpen: false }).map((e) => e.name);
    expect(names).toEqual(['doorOpen', 'battery', 'signal']);
    expect(telemetryEntries({ signalDbm: -82 }).map((e) => e.name)).toEqual(['signalDbm']);
    for (const [a, b] of Object.entries(SAME_AS))
      expect(TELEMETRY_FIELDS[b!].kind === 'number', a).toBe(
        TELEMETRY_FIELDS[a as keyof typeof TELEMETRY_FIELDS].kind === 'number',
      );
  });

  it('shows a field the catalog does not know under a neutral label, whatever its value', () => {
    const w = words('zh');
    const entries = telemetryEntries({ battery: 50, zzExtra: { nested: [1] }, aNew: 'x', bNull: null });
    expect(entries.map((e) => e.name)).toEqual(['battery', 'aNew', 'bNull', 'zzExtra']);
    expect(w.label('aNew', 1)).toBe('其他读数 1');
    expect(w.label('zzExtra', 3)).toBe('其他读数 3');
    expect(w.value('aNew', 'x')).toBe('x');
    expect(w.value('bNull', null)).toBe('—');
    expect(w.value('zzExtra', { nested: [1] })).toBe('{"nested":[1]}');
    // A known field with a value of the wrong type still shows, plainly.
    expect(w.value('battery', 'low')).toBe('low');
    expect(w.value('smoke', 1)).toBe('1');
  });
});
