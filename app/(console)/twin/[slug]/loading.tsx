import { getTranslations } from 'next-intl/server';
import styles from './twin.module.css';

export default async function TwinLoading() {
  const t = await getTranslations('twin');
  return (
    <div className={styles.twin}>
      <div className={styles.state} aria-busy="true">
        <p>{t('loading')}</p>
      </div>
      <aside className={styles.panel} />
    </div>
  );
}
