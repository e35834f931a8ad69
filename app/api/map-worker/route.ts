// MapLibre's web worker, served from the installed package: after a
// production build the bundler does not emit it, so the map names this route
// as its `workerUrl` (app/_map/maplibre-view.tsx). No network, no CDN.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const dynamic = 'force-static';

export async function GET() {
  const file = path.join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs');
  return new Response(await readFile(file), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
