// The calendar Linli reads every date in: China's, whatever the machine's
// zone. Pure, so the server, the seed and browser code share it.
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The Asia/Shanghai date of `at`, as 'YYYY-MM-DD'. */
export function localToday(at = new Date()): string {
  return FORMAT.format(at);
}
