import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type PageTitle =
  | 'ops'
  | 'retrofit'
  | 'signIn'
  | 'screens'
  | 'planner'
  | 'scenarioReport'
  | 'map'
  | 'twin'
  | 'screen'
  | 'districtScreen';

/** A page's `generateMetadata`: its title (`pageTitle.<key>`) in the reader's language. */
export function pageTitle(key: PageTitle): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations('pageTitle'))(key) });
}
