// The lookup box's plain GET form (no JavaScript on residents' pages) lands here: the reference as
// a resident types it (lower case, spaces, without "R-") becomes the report's page address.
import { NextResponse, type NextRequest } from 'next/server';
import { normalizeReference } from '~/lib/report-reference';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return new NextResponse(null, { status: 404 });
  const reference = normalizeReference(request.nextUrl.searchParams.get('ref') ?? '');
  // Relative, same-origin (see ../submit/route.ts seeOther); an unreadable one shows the report's 404 with the box again.
  const to = `/report/${slug}/${encodeURIComponent(reference ?? 'unknown')}`;
  return new NextResponse(null, { status: 303, headers: { Location: to } });
}
