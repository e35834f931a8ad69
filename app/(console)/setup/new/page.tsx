// Founding a community (onboard.create): admins on any street, a district account on its own.
import { getTranslations } from 'next-intl/server';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { env } from '~/server/env';
import { NewCommunityForm } from '../_components/new-community-form';
import styles from '../setup.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('setup'))('newTitle') };
}
export const dynamic = 'force-dynamic';

export default async function NewCommunityPage() {
  await signedInMember('/setup/new');
  const [t, caller] = await Promise.all([getTranslations('setup'), getCaller()]);
  const founding = await caller.onboard.founding();
  if (!founding.anyStreet && founding.streets.length === 0)
    return (
      <div className={styles.page}>
        <p className="notice" role="alert" data-testid="setup-new-forbidden">
          {t('mayNotFound')}
        </p>
      </div>
    );
  return (
    <div className={styles.page}>
      <h1>{t('newTitle')}</h1>
      <p className="muted">{t('newLead')}</p>
      <NewCommunityForm founding={founding} tileUrl={env.MAP_TILE_URL ?? null} />
    </div>
  );
}
