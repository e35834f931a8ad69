// Input pieces shared by routers; every input crosses zod once, here at the
// edge. A refinement's message is an input error code (server/domain/errors.ts)
// that server/trpc.ts puts into the caller's words.
import { z } from 'zod';
import type { InputErrorCode } from '../domain/errors';

/** A zod refinement's message: the code of its words in the message files. */
export const inputError = (code: InputErrorCode): string => code;

export const slugInput = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/, inputError('input.slug')) });

export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, inputError('input.localDate'));

export const idInput = z.object({ id: z.number().int().positive() });
