// The residents' pages (/status/…, /report/…) are Pages Router pages, not
// app/ routes like every other page, for one reason: docs/ARCHITECTURE.md § Targets allows them
// 100 KB of JavaScript, and every App Router page loads React DOM and the
// App Router runtime (132.5 KB gzip measured, before a line of our own code),
// for pages that need no script at all. The Pages Router lets a page ship no
// runtime (`config.unstable_runtimeJS = false`, read by next/document), so
// these pages arrive as server-rendered HTML and CSS and nothing else. App
// Router route handlers cannot do it instead: Next refuses react-dom/server
// there. Their code stays in app/(public)/; these files only wire it to URLs.
import type { AppProps } from 'next/app';
import '~/app/globals.css';
import '~/app/(public)/public.css';

export default function PublicApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
