import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '邻里 Linli', template: '%s · 邻里 Linli' },
  description: '社区数字孪生 · Community digital twin',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>{children}</body>
    </html>
  );
}
