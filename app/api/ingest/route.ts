// The HTTP ingest door (server/ingest/http.ts): devices POST events with their own token.
import { handleIngestRequest } from '~/server/ingest/http';
import { getRuntime } from '~/server/runtime/app-runtime';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return handleIngestRequest(req, (await getRuntime()).ingest);
}
