// The shapes of the authorization matrix (access.test.ts): the objects of one community the
// id-addressed procedures name, and what each procedure's entry says about it. Entries for a
// group of procedures may live in their own file (access-matrix.<group>.ts) and are spread in.
import type { TRPCError } from '@trpc/server';
import type { Db } from '~/db/client';
import type { Tier } from '../domain/access';

/** One community's ids of each kind of object the id-addressed procedures name. */
export type Place = {
  slug: string;
  id: number;
  /** The community's street (街道): a district caller of `own` holds this one. */
  street: string;
  alarm: number;
  workOrder: number;
  incident: number;
  device: number;
  deviceCode: string;
  building: number;
  unit: number;
  retrofitCase: number;
};

export type Entry = {
  tier: Tier;
  /** The input naming `own` (the place the call is about); `other` is the other place. */
  input?: (own: Place, other: Place, db: Db) => unknown;
  /** An admitted call the procedure itself refuses with this code (so nothing changes, and it repeats). */
  rejects?: TRPCError['code'];
  /** For a list: the communities its answer covers. */
  covers?: (result: unknown, places: Place[]) => number[];
};
