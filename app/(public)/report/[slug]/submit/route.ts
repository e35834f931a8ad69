// The report form posts here as a plain HTML form, so reporting works without
// JavaScript. Success and validation errors answer 303 (back to a page);
// a flood from one address answers 429 and stores nothing.
import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '~/server/db';
import { appLive } from '~/server/runtime/app-runtime';
import { clientAddress } from '~/server/http/client-address';
import { reportForm, submitReport, takeReportToken } from '~/server/ops/resident-report';
import { bothLanguages } from '../../../_lib/i18n';
import { formWithin } from '../../../_lib/response';

export const dynamic = 'force-dynamic';

/** Four fields, the description at most 500 characters; anyone may post, so more is refused unread. */
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug))
    return new NextResponse(bothLanguages('public.refused', 'notFound'), { status: 404 });
  // Read (within the limit) before taking a token: an oversized post changes nothing, not even the count.
  const form = await formWithin(request, MAX_BODY_BYTES);
  if (form instanceof Response) return form;
  const wait = await takeReportToken(clientAddress(request.headers));
  if (wait !== null) {
    return new NextResponse(bothLanguages('public.refused', 'tooMany', { minutes: Math.ceil(wait / 60) }), {
      status: 429,
      headers: { 'Retry-After': String(wait), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const parsed = reportForm.safeParse(form ? Object.fromEntries(form) : {});
  const base = `/report/${slug}`;
  if (!parsed.success) return seeOther(`${base}?error=invalid`);
  const db = (await getDatabase()).db;
  const result = await submitReport(db, appLive, slug, parsed.data).catch(() => null);
  if (!result) return seeOther(`${base}?error=invalid`);
  return seeOther(`${base}/${result.reference}?new=1`);
}

/**
 * A same-origin 303 with a relative Location. request.nextUrl.origin is the
 * host Next believes it serves (localhost for `next start -H 127.0.0.1`), and
 * the form page's CSP (form-action 'self') blocks a redirect to any other origin.
 */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}
