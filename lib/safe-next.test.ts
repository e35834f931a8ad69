import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeNext('/ops/caifu-xingyuan?tab=alarms#new')).toBe('/ops/caifu-xingyuan?tab=alarms#new');
    expect(safeNext('/')).toBe('/');
  });

  it.each([
    '/\\example.org',
    '/\\/example.org',
    '\\\\example.org',
    '//example.org',
    '///example.org',
    '/\t/example.org',
    '/\n/example.org',
    '/\r\n/example.org',
    '/\u0000/example.org',
    'https://example.org',
    'http:example.org',
    'javascript:alert(1)',
    'example.org',
    ' /example',
    '',
  ])('sends %j home instead', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('sends a missing next home', () => {
    expect(safeNext(undefined)).toBe('/');
  });
});
