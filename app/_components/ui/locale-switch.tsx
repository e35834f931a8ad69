import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '~/app/_i18n/actions';

/** A one-button form: works without JavaScript. */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')]);
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={locale === 'zh' ? 'en' : 'zh'} />
      <button type="submit" title={t('switchLabel')} lang={locale === 'zh' ? 'en' : 'zh'}>
        {t('switchTo')}
      </button>
    </form>
  );
}
