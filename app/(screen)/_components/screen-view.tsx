'use client';
// One big screen: header with clock, panels either side, the twin (community)
// or the district map in the middle, the live ticker beneath. Panels refetch
// once a minute; live data arrives through the page's one LiveProvider.
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { DistrictMap, type MapSettings } from '~/app/_map/district-map';
import { useTRPC } from '~/app/_trpc/client';
import { LeftPanels, RightPanels } from './panels';
import styles from './screen.module.css';
import { ConnectionBanner, Ticker } from './ticker';
import { TwinStage } from './twin-stage';

const REFRESH_MS = 60_000;

/** Date and time to the second, in the reader's language and the community's zone (the request config's time zone). */
function Clock() {
  const format = useFormatter();
  const now = useNow({ updateInterval: 1000 });
  return (
    <span className={styles.clock} suppressHydrationWarning>
      {format.dateTime(now, { dateStyle: 'medium', timeStyle: 'medium', hour12: false })}
    </span>
  );
}

function Frame({
  title,
  tickerTitle,
  slug,
  panels,
  centre,
}: {
  title: string;
  tickerTitle: string;
  /** The community's slug; null on the district screen. */
  slug: string | null;
  panels: React.ComponentProps<typeof LeftPanels>['p'] | undefined;
  centre: React.ReactNode;
}) {
  const t = useTranslations('screen');
  return (
    <main className={styles.screen} data-testid="screen">
      <header className={styles.head}>
        <h1>{title}</h1>
        <Clock />
      </header>
      {panels ? (
        <LeftPanels p={panels} />
      ) : (
        <div className={styles.left}>
          <p className={styles.placeholder}>{t('loading')}</p>
        </div>
      )}
      <div className={styles.centre} data-testid="screen-centre">
        <ConnectionBanner />
        {centre}
      </div>
      <div className={styles.ticker}>
        <Ticker slug={slug} title={tickerTitle} />
      </div>
      {panels ? <RightPanels p={panels} /> : <div className={styles.right} />}
    </main>
  );
}

export function CommunityScreen({ slug }: { slug: string }) {
  const t = useTranslations('screen');
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.screen.community.queryOptions({ slug }), refetchInterval: REFRESH_MS });
  const name = q.data ? q.data.community.name : slug;
  return (
    <Frame
      title={t('title', { name })}
      tickerTitle={t('ticker')}
      slug={slug}
      panels={q.data?.panels}
      centre={<TwinStage slug={slug} />}
    />
  );
}

export function DistrictScreen({ map }: { map: MapSettings }) {
  const t = useTranslations('screen');
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.screen.district.queryOptions(), refetchInterval: REFRESH_MS });
  // 街道 or 区级, from the place's own name (server/domain/district-scope.ts); 区级 until it is known.
  const level = q.data?.scope.level ?? 'district';
  const name = q.data?.scope.name ?? null;
  return (
    <Frame
      title={name ? t('districtTitleNamed', { level, name }) : t('districtTitle', { level })}
      tickerTitle={t('districtTicker', { level })}
      slug={null}
      panels={q.data?.panels}
      centre={
        q.data ? (
          <DistrictMap communities={q.data.communities} settings={map} hrefFor={(slug) => `/screen/${slug}`} />
        ) : null
      }
    />
  );
}
