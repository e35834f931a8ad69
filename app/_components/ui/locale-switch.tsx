import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '~/app/_i18n/actions';
import { OTHER_LOCALE } from '~/app/_i18n/config';

/** A one-button form: works without JavaScript. */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')]);
  const other = OTHER_LOCALE[locale];
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" title={t('switchLabel')} lang={other}>
        {t('switchTo')}
      </button>
    </form>
  );
}
