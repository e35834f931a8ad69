'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { DEVICE_TEMPLATE } from '../_register/files';
import { ImportPanel } from '../_register/import-panel';
import styles from '../_register/register.module.css';
import { DeviceTable } from './device-table';
import { TokensPanel, type IssuedTokens } from './tokens-panel';

export function DevicesView({ slug }: { slug: string }) {
  const t = useTranslations('setupRegister');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useMutation(trpc.device.importDevices.mutationOptions());
  const [issued, setIssued] = useState<IssuedTokens | null>(null);
  return (
    <main className={styles.page}>
      <header>
        <h2>{t('devicesTitle')}</h2>
        <p className="muted">{t('devicesLead')}</p>
      </header>
      {issued && <TokensPanel issued={issued} onClose={() => setIssued(null)} />}
      <ImportPanel
        title={t('devicesImport')}
        help={
          <>
            <p>{t('devicesColumns')}</p>
            <p>{t('devicesRules')}</p>
          </>
        }
        templateName="devices-template.csv"
        template={DEVICE_TEMPLATE}
        pending={upload.isPending}
        error={upload.error ? serverErrorMessage(upload.error, locale) : null}
        run={(file) => upload.mutateAsync({ slug, ...file })}
        summary={(r, dryRun) => t(dryRun ? 'devicesChecked' : 'devicesImported', { n: r.imported })}
        onImported={(r) => {
          setIssued(r);
          void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
        }}
      />
      <DeviceTable slug={slug} onToken={setIssued} />
    </main>
  );
}
