import { describe, expect, it } from 'vitest';
import type { TickerRow } from '~/server/queries/screen-ticker';
import { tickerLine, tickerWhen } from './ticker-line';

const ZONE = 'Asia/Shanghai';
// 2026-12-03 15:00 in Shanghai.
const NOW = new Date('2026-12-03T07:00:00Z');

const ZH: Record<string, string> = { 'class.smoke_detector': '烟感', 'incident.throwing': '高空抛物' };
const EN: Record<string, string> = { 'class.smoke_detector': 'Smoke', 'incident.throwing': 'Throwing' };
const translator =
  (m: Record<string, string>, building: (v: Record<string, string>) => string) =>
  (key: string, values?: Record<string, string>) => (key === 'building' ? building(values!) : (m[key] ?? key));

const smoke: TickerRow = {
  key: 'a7',
  at: '2026-12-03T06:41:00Z',
  severity: 'critical',
  event: { type: 'alarm', kind: 'smoke' },
  community: { name: '荆胡智慧社区', nameEn: 'Jinghu' },
  building: { name: '3栋', number: '3' },
  deviceClass: 'smoke_detector',
};

const zh = {
  now: NOW,
  locale: 'zh-CN',
  timeZone: ZONE,
  t: translator(ZH, (v) => v.name!),
  alarmKind: (k: string) => ({ smoke: '烟感报警' })[k] ?? k,
};

describe('the ticker line', () => {
  it('says the time only when the event happened today in the community’s zone', () => {
    expect(tickerWhen(new Date('2026-12-03T06:41:00Z'), NOW, 'zh-CN', ZONE)).toBe('14:41');
    // 00:30 on the 3rd in Shanghai is still the 2nd in UTC: today all the same.
    expect(tickerWhen(new Date('2026-12-02T16:30:00Z'), NOW, 'zh-CN', ZONE)).toBe('00:30');
  });

  it('adds the date when the event was on another day, and the year when another year', () => {
    expect(tickerWhen(new Date('2026-12-02T15:59:00Z'), NOW, 'zh-CN', ZONE)).toBe('12月2日 23:59');
    expect(tickerWhen(new Date('2026-11-28T02:05:00Z'), NOW, 'en', ZONE)).toBe('Nov 28, 10:05');
    expect(tickerWhen(new Date('2025-12-30T02:05:00Z'), NOW, 'zh-CN', ZONE)).toMatch(/^2025年12月30日 10:05$/);
  });

  it('names community · building · device · what happened on the district screen', () => {
    const line = tickerLine(smoke, { ...zh, showCommunity: true });
    expect(line.text).toBe('荆胡智慧社区 · 3栋 · 烟感 · 烟感报警');
    expect(line.when).toBe('14:41');
    expect(line.severity).toBe('critical');
  });

  it('leaves the community to the title on a community’s own screen', () => {
    expect(tickerLine(smoke, { ...zh, showCommunity: false }).text).toBe('3栋 · 烟感 · 烟感报警');
  });

  it('speaks English with the community’s English name', () => {
    const en = {
      now: NOW,
      locale: 'en',
      timeZone: ZONE,
      showCommunity: true,
      t: translator(EN, (v) => `Bldg ${v.number}`),
      alarmKind: (k: string) => ({ smoke: 'Smoke alarm' })[k] ?? k,
    };
    expect(tickerLine({ ...smoke, at: '2026-12-01T06:41:00Z' }, en)).toMatchObject({
      text: 'Jinghu · Bldg 3 · Smoke · Smoke alarm',
      when: 'Dec 1, 14:41',
    });
  });

  it('leaves out what an event does not name', () => {
    const throwing: TickerRow = {
      ...smoke,
      key: 'i3',
      severity: null,
      event: { type: 'incident', kind: 'throwing' },
      building: null,
      deviceClass: null,
    };
    expect(tickerLine(throwing, { ...zh, showCommunity: true }).text).toBe('荆胡智慧社区 · 高空抛物');
  });
});
