// The CSS custom properties and the TypeScript palette are one palette (docs/ARCHITECTURE.md §
// Status palette): app/globals.css's --status-*, --sev-* and --stage-stalled carry exactly the
// values of lib/status-palette.ts, so a DOM badge and a 3D marker or chart never disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITY_COLOR, STAGE_COLOR, STATUS_COLOR } from '~/lib/status-palette';
import { ALARM_SEVERITIES, DEVICE_STATUSES } from '~/db/vocab';

const css = readFileSync(path.join(import.meta.dirname, '../../globals.css'), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));

/** Every `--name: value;` declared in :root, the first declaration of each. */
function rootVars(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of root.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)) if (!vars.has(m[1]!)) vars.set(m[1]!, m[2]!.trim());
  return vars;
}

describe('app/globals.css and lib/status-palette.ts', () => {
  const vars = rootVars();
  const lower = (v: string | undefined) => v?.toLowerCase();

  it.each(DEVICE_STATUSES.map((s) => [s]))('--status-%s is STATUS_COLOR.%s', (s) => {
    expect(lower(vars.get(`--status-${s}`))).toBe(STATUS_COLOR[s].toLowerCase());
  });

  it.each(ALARM_SEVERITIES.map((s) => [s]))('--sev-%s and its ink are SEVERITY_COLOR.%s', (s) => {
    expect(lower(vars.get(`--sev-${s}`))).toBe(SEVERITY_COLOR[s].fill.toLowerCase());
    expect(lower(vars.get(`--sev-${s}-ink`))).toBe(SEVERITY_COLOR[s].ink.toLowerCase());
  });

  it('--stage-stalled is STAGE_COLOR.stalled', () => {
    expect(lower(vars.get('--stage-stalled'))).toBe(STAGE_COLOR.stalled.toLowerCase());
  });

  it('declares no --status-* or --sev-* the palette does not know', () => {
    const known = new Set([
      ...DEVICE_STATUSES.map((s) => `--status-${s}`),
      ...ALARM_SEVERITIES.flatMap((s) => [`--sev-${s}`, `--sev-${s}-ink`]),
    ]);
    const extra = [...vars.keys()].filter((k) => /^--(status|sev)-/.test(k) && !known.has(k));
    expect(extra).toEqual([]);
  });
});
