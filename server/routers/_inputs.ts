// Input pieces shared by routers; every input crosses zod once, here at the edge.
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/db/client';
import { communities } from '~/db/schema';

export const slugInput = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, '社区标识只含小写字母、数字和连字符 / a slug is lower-case letters, digits and dashes'),
});

export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / dates are YYYY-MM-DD');

export async function communityBySlug(db: Db, slug: string) {
  const [community] = await db.select().from(communities).where(eq(communities.slug, slug));
  if (!community) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这个社区 / No community "${slug}"` });
  return community;
}
