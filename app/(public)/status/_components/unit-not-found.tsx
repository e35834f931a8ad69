import type { Locale } from '~/app/_i18n/config';
import { PublicShell } from '../../_components/public-shell';
import { translator } from '../../_lib/i18n';

/** An unknown unit: say so, and point to the community's list of units (the address's first part), which shows its own 404 when it is wrong too. */
export function UnitNotFound({ locale, path }: { locale: Locale; path: string }) {
  const t = translator(locale, 'public.notFound');
  const community = path.split('/').slice(0, 3).join('/');
  return (
    <PublicShell locale={locale} title={t('unit')} path={path}>
      <p className="notice" data-testid="not-found">
        {t('unit')}
      </p>
      <p>
        <a href={community}>{t('allUnits')}</a>
      </p>
    </PublicShell>
  );
}
