import { describe, expect, it } from 'vitest';
import { formatters } from './format';

describe('public page formatters', () => {
  const zh = formatters('zh');
  const en = formatters('en');

  it('writes a notice date as a Chinese notice does, and as given in English', () => {
    expect(zh.date('2026-09-01')).toBe('2026年9月1日');
    expect(en.date('2026-09-01')).toBe('2026-09-01');
  });

  it('names months in the community’s calendar, whatever the machine’s zone', () => {
    // Local midnight of 1 December is still 30 November in UTC.
    expect(zh.month('2026-12')).toBe('12月');
    expect(en.month('2026-12')).toBe('Dec');
    expect(zh.yearMonth('2026-09')).toBe('2026年9月');
    expect(en.yearMonth('2026-09')).toBe('Sep 2026');
  });

  it('gives English readers the number a building or unit name was made from', () => {
    expect(zh.building({ name: '5号楼', number: '5' })).toBe('5号楼');
    expect(en.building({ name: '5号楼', number: '5' })).toBe('Building 5');
    expect(zh.unit({ name: '1单元', ordinal: 1 })).toBe('1单元');
    expect(en.unit({ name: '1单元', ordinal: 1 })).toBe('Unit 1');
  });

  it('formats counts, withheld counts and shares', () => {
    expect(zh.n(11786)).toBe('11,786');
    expect(en.count('<3')).toBe('<3');
    expect(zh.count('≥1200')).toBe('≥1,200');
    expect(zh.percent(0.95)).toBe('95.0%');
  });

  it('words a withheld or lower-bound total for a sentence', () => {
    expect(zh.total('<3')).toBe('少于 3');
    expect(en.total('<3')).toBe('fewer than 3');
    expect(zh.total('≥6')).toBe('至少 6');
    expect(en.total('≥6')).toBe('at least 6');
    expect(en.total(12)).toBe('12');
  });
});
