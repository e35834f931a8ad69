import { getAuth } from '~/server/auth/instance';
import { handleAuthRequest, signInLimiter } from '~/server/auth/sign-in-guard';
import { getDb } from '~/server/db';

export const dynamic = 'force-dynamic';

// Password sign-ins here share the console form's limiter (server/auth/sign-in-guard.ts).
async function handler(req: Request) {
  const [auth, db] = await Promise.all([getAuth(), getDb()]);
  return handleAuthRequest(auth, db, signInLimiter(), req);
}

export { handler as GET, handler as POST };
