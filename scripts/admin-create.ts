// `npm run admin:create -- --email <e> --name <n>`: the first admin of an
// installation without the demo (README, Security). Opens the database as the
// app does (PostgreSQL at DATABASE_URL, else the PGlite folder PGLITE_DIR),
// migrates it, and makes an admin account with a one-time password, printed
// once here and never stored in clear; the account must change it on first sign-in.
// Stop the app first when it uses the same PGlite folder: two processes on one
// folder silently diverge.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openCliDatabase } from '~/db/cli-database';
import { users } from '~/db/schema';
import { createAccount } from '~/server/auth/demo-accounts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !values.name?.trim()) {
    console.error('usage: npm run admin:create -- --email <e-mail> --name <name>');
    process.exitCode = 2;
    return;
  }
  const database = await openCliDatabase();
  try {
    const [existing] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      console.error(`${email} already has an account; nothing changed`);
      process.exitCode = 1;
      return;
    }
    const password = randomBytes(15).toString('base64url');
    await createAccount(database.db, {
      email,
      name: values.name.trim(),
      role: 'admin',
      password,
      mustChangePassword: true,
    });
    console.log(`admin ${email} created; one-time password (shown only now): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
