// The big screen's own shell: dark, full-bleed, no console header. Its tRPC
// calls go to /screen/api/trpc, where a kiosk's path-scoped cookie is sent,
// and its live stream reopens by itself after a failure (unattended).
import { NextIntlClientProvider } from 'next-intl';
import { TRPCReactProvider } from '~/app/_trpc/client';
import { SCREEN_TRPC_ENDPOINT } from '~/server/kiosk/links';
import styles from './_components/screen.module.css';
import { WALL_VARS } from './_components/wall-type';

export default function ScreenLayout({ children }: { children: React.ReactNode }) {
  return (
    <NextIntlClientProvider>
      <TRPCReactProvider url={SCREEN_TRPC_ENDPOINT} unattended>
        <div className={styles.shell} style={WALL_VARS}>
          {children}
        </div>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
