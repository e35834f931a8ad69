// Stage moves: what is allowed, and the reason for each refusal.
import { describe, expect, it } from 'vitest';
import { checkMove, publicityPeriod, type CaseState } from './stage-rules';

const TODAY = '2026-11-22';
const at = (stage: CaseState['stage'], history: CaseState['history'], extra: Partial<CaseState> = {}): CaseState => ({
  stage,
  history,
  publicityDays: 20,
  consentMet: true,
  openObjections: 0,
  ...extra,
});
const voting = at('vote', [
  { stage: 'intent', on: '2026-06-01' },
  { stage: 'vote', on: '2026-09-01' },
]);
const publicity = at('publicity', [
  { stage: 'intent', on: '2026-05-01' },
  { stage: 'vote', on: '2026-06-01' },
  { stage: 'signed', on: '2026-07-01' },
  { stage: 'design', on: '2026-08-01' },
  { stage: 'publicity', on: '2026-11-10' },
]);
const stalled = at('stalled', [
  { stage: 'intent', on: '2026-03-01' },
  { stage: 'vote', on: '2026-05-01' },
  { stage: 'stalled', on: '2026-07-01' },
]);

describe('checkMove', () => {
  it.each([
    ['signs a case whose consent is met', voting, { to: 'signed', on: '2026-11-01' }, null],
    [
      'refuses to sign before consent is met',
      { ...voting, consentMet: false },
      { to: 'signed', on: '2026-11-01' },
      'consent_not_met',
    ],
    ['refuses to skip a stage', voting, { to: 'design', on: '2026-11-01' }, 'skips'],
    ['refuses to move back', publicity, { to: 'vote', on: '2026-11-20' }, 'backwards'],
    ['refuses a date in the future', voting, { to: 'signed', on: '2026-11-23' }, 'future'],
    ['refuses a date before the previous change', voting, { to: 'signed', on: '2026-08-31' }, 'before_previous'],
    ['accepts the same day as the previous change', voting, { to: 'signed', on: '2026-09-01' }, null],
    ['refuses a date that does not exist', voting, { to: 'signed', on: '2026-02-30' }, 'bad_date'],
    [
      'refuses a permit while the publicity period runs',
      publicity,
      { to: 'permit', on: '2026-11-22' },
      'publicity_running',
    ],
    [
      'refuses a permit with objections unanswered',
      {
        ...publicity,
        history: publicity.history.map((h) => (h.stage === 'publicity' ? { ...h, on: '2026-10-01' } : h)),
        openObjections: 2,
      },
      { to: 'permit', on: '2026-11-22' },
      'open_objections',
    ],
    [
      'grants a permit the day the period ends',
      {
        ...publicity,
        history: publicity.history.map((h) => (h.stage === 'publicity' ? { ...h, on: '2026-11-02' } : h)),
      },
      { to: 'permit', on: '2026-11-22' },
      null,
    ],
    ['refuses construction straight from publicity', publicity, { to: 'construction', on: '2026-11-22' }, 'skips'],
    ['requires a reason to stall', voting, { to: 'stalled', on: '2026-11-01' }, 'reason_required'],
    ['stalls with a reason', voting, { to: 'stalled', on: '2026-11-01', note: '一楼住户担心采光' }, null],
    ['resumes a stalled case at the stage it stalled in', stalled, { to: 'vote', on: '2026-11-01' }, null],
    ['resumes a stalled case at the next stage', stalled, { to: 'signed', on: '2026-11-01' }, null],
    ['refuses to resume a stalled case two stages on', stalled, { to: 'design', on: '2026-11-01' }, 'skips'],
    [
      'requires the notice to enter publicity',
      at('design', [{ stage: 'design', on: '2026-10-01' }]),
      { to: 'publicity', on: '2026-11-01' },
      'proposal_required',
    ],
    [
      'refuses to move a case in service',
      at('in_service', [{ stage: 'in_service', on: '2026-10-01' }]),
      { to: 'stalled', on: '2026-11-01', note: 'x' },
      'finished',
    ],
  ] as const)('%s', (_name, state, move, reason) => {
    const r = checkMove(state as CaseState, move, TODAY);
    if (reason === null) expect(r).toEqual({ ok: true });
    else {
      expect(r).toMatchObject({ ok: false, error: { code: `stage.${reason}` } });
    }
  });

  it('reads the publicity period: start, end and days left', () => {
    expect(publicityPeriod(publicity, TODAY)).toEqual({ startsOn: '2026-11-10', endsOn: '2026-11-30', daysLeft: 8 });
    expect(publicityPeriod(voting, TODAY)).toBeNull();
  });
});
