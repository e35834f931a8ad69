import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { COMMUNITY_TIME_ZONE } from '~/lib/calendar';
import { LOCALE_COOKIE, toLocale } from './config';
import { FORMATS } from './formats';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await loadMessages(locale), timeZone: COMMUNITY_TIME_ZONE, formats: FORMATS };
});
