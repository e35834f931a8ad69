// Refusals by code: every domain and input error code has words in both
// message files, and a caller gets them in the language of its cookie, with
// the code and parameters in `error.data` (server/trpc.ts).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { recordingPublisher } from '~/test/callers';
import { createTestDatabase } from '~/test/db';
import { DomainError, INPUT_ERROR_CODES } from '../domain/errors';
import { errorMessage, isErrorCode } from '../error-messages';
import { localeFromHeaders } from '../locale';
import { appRouter, createCaller } from '../root';
import { DOMAIN_ERROR_TRPC_CODES } from '../trpc';

describe('error messages', () => {
  it('has words for every code in Chinese and English', () => {
    const codes = [...Object.keys(DOMAIN_ERROR_TRPC_CODES), ...INPUT_ERROR_CODES];
    for (const locale of ['zh', 'en'] as const) {
      const missing = codes.filter((code) => !isErrorCode(code, locale));
      expect(missing, locale).toEqual([]);
    }
  });

  it('fills parameters and names states and stages in the reader’s language', () => {
    const illegal = new DomainError('alarm.moveIllegal', { move: 'close', state: 'acknowledged', from: 'resolved' });
    expect(errorMessage(illegal.code, illegal.params, 'zh')).toBe('已确认的告警不能关闭，须先为已解决');
    expect(errorMessage(illegal.code, illegal.params, 'en')).toBe(
      'Cannot close an alarm that is acknowledged; it must be resolved first',
    );
    expect(errorMessage('stage.skips', { next: 'vote' }, 'zh')).toBe('不能跳过阶段：下一阶段应为“表决”');
    expect(errorMessage('workOrder.moveIllegal', { action: 'finish', state: 'pending' }, 'zh')).toBe(
      '待受理的工单不能执行此操作，须为已受理',
    );
  });

  it('reads the language from the NEXT_LOCALE cookie, Chinese otherwise', () => {
    expect(localeFromHeaders(new Headers({ cookie: 'a=1; NEXT_LOCALE=en; b=2' }))).toBe('en');
    expect(localeFromHeaders(new Headers({ cookie: 'NEXT_LOCALE=zh' }))).toBe('zh');
    expect(localeFromHeaders(new Headers({ cookie: 'NEXT_LOCALE=fr' }))).toBe('zh');
    expect(localeFromHeaders(new Headers())).toBe('zh');
  });
});

describe('refusals over HTTP', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database?.close());

  type ErrorBody = {
    error: {
      json: { message: string; code: number; data: { code: string; httpStatus: number } & Record<string, unknown> };
    };
  };

  async function call(path: string, input: unknown, cookie?: string) {
    const url = `http://test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const req = new Request(url, { headers: cookie ? { cookie } : {} });
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router: appRouter,
      createContext: () => ({
        db: database.db,
        user: null,
        live: recordingPublisher(),
        locale: localeFromHeaders(req.headers),
      }),
    });
    return { status: res.status, body: ((await res.json()) as ErrorBody).error.json };
  }

  it('sends a domain refusal in the caller’s language with its code and parameters', async () => {
    const en = await call('community.bySlug', { slug: 'no-such-place' }, 'NEXT_LOCALE=en');
    expect(en.status).toBe(404);
    expect(en.body.message).toBe('No community "no-such-place"');
    expect(en.body.data).toMatchObject({
      code: 'NOT_FOUND',
      domainError: { code: 'community.notFound', params: { slug: 'no-such-place' } },
    });
    const zh = await call('community.bySlug', { slug: 'no-such-place' });
    expect(zh.body.message).toBe('没有这个社区：no-such-place');
  });

  it('refuses an anonymous caller with the sign-in code', async () => {
    const en = await call('account.me', undefined, 'NEXT_LOCALE=en');
    expect(en.status).toBe(401);
    expect(en.body.message).toBe('Please sign in');
    expect(en.body.data).toMatchObject({ domainError: { code: 'auth.signIn' } });
  });

  it('puts input refinements into words', async () => {
    const en = await call('community.bySlug', { slug: 'Not A Slug' }, 'NEXT_LOCALE=en');
    expect(en.status).toBe(400);
    expect(en.body.data).toMatchObject({
      domainError: null,
      zodError: { fieldErrors: { slug: ['A slug is lower-case letters, digits and dashes'] } },
    });
    const zh = await call('community.bySlug', { slug: 'Not A Slug' });
    expect(zh.body.data).toMatchObject({ zodError: { fieldErrors: { slug: ['社区标识只含小写字母、数字和连字符'] } } });
  });

  it('gives server-side callers a TRPCError whose cause carries the code', async () => {
    const caller = createCaller({ db: database.db, user: null, live: recordingPublisher() });
    await expect(caller.community.bySlug({ slug: 'no-such-place' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '没有这个社区：no-such-place',
      cause: { code: 'community.notFound', params: { slug: 'no-such-place' } },
    });
  });
});
