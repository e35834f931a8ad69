// Opening a kiosk link: GET shows a page with one button, whose POST redeems the
// link (server/kiosk/http.ts says why it takes two steps).
import { kioskLinkPage, redeemKioskLinkRequest } from '~/server/kiosk/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ secret: string }> };

export async function GET(_req: Request, { params }: Params) {
  return kioskLinkPage((await params).secret);
}

export async function POST(req: Request, { params }: Params) {
  return redeemKioskLinkRequest(req, (await params).secret);
}
