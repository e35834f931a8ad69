// The residents' language switch posts here as a plain HTML form (no
// JavaScript, no server action: those pages run no framework runtime). It
// sets the language cookie and sends the reader back to the page they were on.
import { LOCALE_COOKIE, LOCALES, type Locale } from '~/app/_i18n/config';
import { bothLanguages } from '../_lib/i18n';
import { formWithin } from '../_lib/response';

export const dynamic = 'force-dynamic';

/** Only a path on this site: never another origin ("//evil", "/\evil", "https:…"). */
function safeBack(value: FormDataEntryValue | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 1000) return null;
  return /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : null;
}

/** Two short fields; anyone may post here, so a bigger body is refused before it is parsed. */
const MAX_BODY_BYTES = 2048;

export async function POST(request: Request) {
  const form = await formWithin(request, MAX_BODY_BYTES);
  if (form instanceof Response) return form;
  const locale = form?.get('locale');
  const back = safeBack(form?.get('back'));
  if (!LOCALES.includes(locale as Locale) || back === null) {
    return new Response(bothLanguages('public.refused', 'badLocale'), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(null, {
    // 303: the browser follows with a GET, so a reload does not post again.
    status: 303,
    headers: {
      Location: back,
      'Set-Cookie': `${LOCALE_COOKIE}=${locale as Locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`,
      'Cache-Control': 'no-store',
    },
  });
}
