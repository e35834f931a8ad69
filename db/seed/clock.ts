// The seed's notion of time. Everything is derived from one local date so two
// seeds with the same `today` write the same rows. The clock stops at 00:00 of
// that day (China Standard Time, UTC+8 all year, no DST since 1991): whenever
// during the day the seed runs, nothing it writes lies in the future.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 60 * MINUTE_MS;

export class Clock {
  readonly today: string;
  /** 00:00 of `today`, Asia/Shanghai: the latest instant anything may carry. */
  readonly now: Date;
  /** How far back the generated history reaches. */
  readonly historyDays = 90;

  constructor(today: string) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
    if (!match) throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = Date.UTC(y, m - 1, d);
    if (new Date(utc).getUTCDate() !== d) throw new Error(`no such date: ${today}`);
    this.today = today;
    this.now = new Date(utc - CST_OFFSET_MS);
  }

  /** The local midnight that starts the day `daysAgo` days before today. */
  dayStart(daysAgo: number): Date {
    return new Date(this.now.getTime() - daysAgo * DAY_MS);
  }

  /** A local wall-clock time on the day `daysAgo` days before today. */
  at(daysAgo: number, hour: number, minute = 0, second = 0): Date {
    return new Date(this.dayStart(daysAgo).getTime() + ((hour * 60 + minute) * 60 + second) * 1000);
  }

  /** The local date string `daysAgo` days before today. */
  date(daysAgo: number): string {
    return new Date(this.now.getTime() + CST_OFFSET_MS - daysAgo * DAY_MS).toISOString().slice(0, 10);
  }

  /** Compact local date for codes: "20261121". */
  dateCode(at: Date): string {
    return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  }

  /** Days since `at`, fractional. */
  ageDays(at: Date): number {
    return (this.now.getTime() - at.getTime()) / DAY_MS;
  }
}

/** Whole seconds: generated times read like logged ones. */
export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + Math.round(minutes * 60) * 1000);
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + Math.round(seconds * 1000));
}
