// The community's time zone as SQL names it, for grouping and bounding by
// local day or month in the database. A quoted literal of the one constant in
// lib/calendar.ts (not a bound parameter): the same text must appear in a
// select list and its GROUP BY, and migration 0001's rollups bucket by it.
import { sql } from 'drizzle-orm';
import { COMMUNITY_TIME_ZONE } from '~/lib/calendar';

if (!/^[A-Za-z_]+\/[A-Za-z_]+$/.test(COMMUNITY_TIME_ZONE)) throw new Error(`unexpected zone ${COMMUNITY_TIME_ZONE}`);

export const LOCAL_ZONE = sql.raw(`'${COMMUNITY_TIME_ZONE}'`);
