// Building models uploaded on the buildings page (server/ops/site-ops.ts uploadBuildingModel),
// served to the twin. Only names that module writes are served (a random part makes them
// unguessable, like the demo's public/models files they stand beside); nothing else under the
// data folder is reachable from here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_FILE, modelsDir } from '~/server/ops/site-ops';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!MODEL_FILE.test(file)) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(path.join(modelsDir(), file));
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': 'model/gltf-binary',
        // A stored name is never reused: a new upload gets a new name.
        'cache-control': 'public, max-age=31536000, immutable',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
