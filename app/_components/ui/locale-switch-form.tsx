import { OTHER_LOCALE, type Locale } from '~/app/_i18n/config';

/**
 * The language switch as a plain form posting to /locale, which sets the
 * cookie and sends the reader back to `back`: works without JavaScript and
 * without a server action (the residents' pages run no framework runtime).
 */
export function LocaleSwitchForm({
  locale,
  back,
  label,
  title,
}: {
  locale: Locale;
  back: string;
  label: string;
  title: string;
}) {
  const other = OTHER_LOCALE[locale];
  return (
    <form method="post" action="/locale">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" title={title} lang={other}>
        {label}
      </button>
    </form>
  );
}
