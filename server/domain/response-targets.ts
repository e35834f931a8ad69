// Response targets (docs/DOMAIN.md § Alarms): how long an alarm of each severity may wait for
// someone to take it (acknowledge it) before the desk shows it as 超时. The defaults are this
// project's; a community's staff set their own, stored with its alarm thresholds
// (communities.thresholds, one key per severity) and audited like them.
import { ALARM_SEVERITIES, type AlarmSeverity } from '~/db/vocab';
import { clockAgainst, type ResponseClock } from '~/lib/response-clock';

export type ResponseTargets = Record<AlarmSeverity, number>;

/** Minutes to acknowledge, by severity, unless the community set its own. */
export const DEFAULT_RESPONSE_MINUTES: ResponseTargets = {
  critical: 15,
  major: 60,
  minor: 240,
  warning: 1440,
};

/**
 * What staff may set each target to, in minutes: a 紧急 alarm that may wait half a day, or a
 * 提示 that turns 超时 within a minute, would make the mark meaningless.
 */
export const RESPONSE_BOUNDS: Readonly<Record<AlarmSeverity, { min: number; max: number }>> = {
  critical: { min: 1, max: 120 },
  major: { min: 5, max: 720 },
  minor: { min: 15, max: 2880 },
  warning: { min: 60, max: 10080 },
};

/** The key of a severity's target in communities.thresholds, beside the alarm thresholds. */
export const responseKey = (severity: AlarmSeverity) =>
  `response${severity[0]!.toUpperCase()}${severity.slice(1)}Minutes` as const;

export const RESPONSE_KEYS = ALARM_SEVERITIES.map(responseKey);

/** Whether `minutes` is a whole number of minutes within the severity's bounds. */
export function responseTargetValid(severity: AlarmSeverity, minutes: number): boolean {
  const b = RESPONSE_BOUNDS[severity];
  return Number.isInteger(minutes) && minutes >= b.min && minutes <= b.max;
}

/**
 * The targets in force for a community: its own (communities.thresholds) over the defaults; a
 * stored value that is not a whole number within bounds is ignored.
 */
export function responseTargetsWith(stored: Readonly<Record<string, unknown>> | null | undefined): ResponseTargets {
  const out = { ...DEFAULT_RESPONSE_MINUTES };
  for (const severity of ALARM_SEVERITIES) {
    const v = stored?.[responseKey(severity)];
    if (typeof v === 'number' && responseTargetValid(severity, v)) out[severity] = v;
  }
  return out;
}

/** The table the setup page shows: each severity's target, its default, bounds and whether it is the community's own. */
export function responseTargetTable(stored: Readonly<Record<string, unknown>> | null | undefined) {
  const inForce = responseTargetsWith(stored);
  return ALARM_SEVERITIES.map((severity) => ({
    severity,
    minutes: inForce[severity],
    design: DEFAULT_RESPONSE_MINUTES[severity],
    overridden: stored?.[responseKey(severity)] === inForce[severity],
    ...RESPONSE_BOUNDS[severity],
  }));
}

/**
 * An alarm's deadline by its severity's target, and where it stands against it at `now`
 * (lib/response-clock.ts, the rule the desk ticks in the browser too).
 */
export function responseClock(
  alarm: { severity: AlarmSeverity; openedAt: Date; acknowledgedAt: Date | null },
  targets: ResponseTargets,
  now: Date,
): ResponseClock & { respondBy: Date } {
  const respondBy = new Date(alarm.openedAt.getTime() + targets[alarm.severity] * 60_000);
  return { respondBy, ...clockAgainst(alarm, respondBy, now) };
}
