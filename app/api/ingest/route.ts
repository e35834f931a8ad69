// The HTTP ingest door (server/ingest/http.ts): devices POST events with their own token.
import { handleIngestRequest } from '~/server/ingest/http';
import { getLiveRuntime } from '~/server/live/runtime';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return handleIngestRequest(req, await getLiveRuntime());
}
