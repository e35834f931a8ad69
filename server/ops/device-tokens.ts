// Device credentials: tokens are shown once, when issued; the database keeps
// only their hashes (server/ingest/tokens.ts).
import type { Db } from '~/db/client';
import { issueDeviceTokens, type TokenSelection } from '../ingest/tokens';
import { deviceCommunity } from '../queries/devices';

/** A new token for one device by its code (rotating any old one); refused as `device.notFound`. */
export async function issueDeviceToken(db: Db, code: string) {
  const communityId = await deviceCommunity(db, code);
  const [issued] = await issueDeviceTokens(db, { communityId, codes: [code], limit: 1 });
  if (!issued) throw new Error(`no token issued for ${code}`);
  return issued;
}

/** Tokens for many devices of a community at once (provisioning, the simulator). */
export function issueCommunityTokens(db: Db, selection: TokenSelection) {
  return issueDeviceTokens(db, selection);
}
