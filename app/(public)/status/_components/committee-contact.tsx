// The residents' committee's contact, as the community recorded it: where a resident who wants to
// object, ask or complain can call (tap to call on a phone), go, and when. Nothing when the
// community has recorded none.
import type { Locale } from '~/app/_i18n/config';
import { translator } from '../../_lib/i18n';

export type Contact = { phone: string | null; address: string | null; hours: string | null };

/** A phone number as a tel: address: digits and a leading +, an extension ("转 123") dropped. */
export function telHref(phone: string): string {
  const main = phone.split(/转|ext/i)[0] ?? phone;
  return `tel:${main.replace(/[^\d+]/g, '')}`;
}

export function CommitteeContact({ contact, locale }: { contact: Contact; locale: Locale }) {
  if (!contact.phone && !contact.address && !contact.hours) return null;
  const t = translator(locale, 'public.contact');
  return (
    <section aria-labelledby="contact-title" className="contact" data-testid="committee-contact">
      <h2 id="contact-title">{t('title')}</h2>
      <dl className="stacked">
        {contact.phone && (
          <>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={telHref(contact.phone)} data-testid="contact-phone">
                {contact.phone}
              </a>
            </dd>
          </>
        )}
        {contact.address && (
          <>
            <dt>{t('address')}</dt>
            <dd>{contact.address}</dd>
          </>
        )}
        {contact.hours && (
          <>
            <dt>{t('hours')}</dt>
            <dd>{contact.hours}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
