// getServerSideProps for every residents' page: headers, the reader's
// language, the page's data or a 404 with a helpful page of our own.
import type { GetServerSidePropsContext, GetServerSidePropsResult } from 'next';
import type { Locale } from '~/app/_i18n/config';
import { requestLocale } from './i18n';
import { setPublicHeaders } from './response';

export type PublicProps<T> = { locale: Locale; path: string; data: T | null };

export async function publicProps<T>(
  ctx: GetServerSidePropsContext,
  load: (locale: Locale) => Promise<T | null>,
): Promise<GetServerSidePropsResult<PublicProps<T>>> {
  setPublicHeaders(ctx.res);
  const locale = requestLocale(ctx.req);
  const data = await load(locale);
  if (data === null) ctx.res.statusCode = 404;
  // Props must be plain JSON (next dev checks it); the cached figures already
  // are once they come back from the data cache, this makes the first call match.
  return {
    props: { locale, path: ctx.resolvedUrl, data: data === null ? null : (JSON.parse(JSON.stringify(data)) as T) },
  };
}

/** A route parameter as one string (Next gives string | string[] | undefined). */
export function param(ctx: GetServerSidePropsContext, name: string): string {
  const v = ctx.params?.[name];
  return typeof v === 'string' ? v : '';
}
