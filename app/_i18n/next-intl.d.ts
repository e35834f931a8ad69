// Types next-intl checks calls against: the two locales and the named formats.
import type { Locale } from './config';
import type { FORMATS } from './formats';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Formats: typeof FORMATS;
  }
}
