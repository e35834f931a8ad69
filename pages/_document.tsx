import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';
import { HTML_LANG, toLocale } from '~/app/_i18n/config';

/** <html lang> follows the reader's language, which every public page passes in its props. */
export default function Document(props: DocumentProps) {
  const locale = (props.__NEXT_DATA__.props as { pageProps?: { locale?: string } } | undefined)?.pageProps?.locale;
  return (
    <Html lang={HTML_LANG[toLocale(locale)]}>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
