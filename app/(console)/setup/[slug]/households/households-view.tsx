'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { HOUSEHOLD_TEMPLATE } from '../_register/files';
import { ImportPanel } from '../_register/import-panel';
import styles from '../_register/register.module.css';
import { HouseholdEditRow } from './household-edit-row';

export function HouseholdsView({ slug }: { slug: string }) {
  const t = useTranslations('setupRegister');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState<number | null>(null);
  const { data } = useSuspenseQuery(trpc.household.list.queryOptions({ slug, unitId }));
  const upload = useMutation(trpc.household.importHouseholds.mutationOptions());
  const totals = data.units.reduce(
    (s, u) => ({ households: s.households + u.households, registered: s.registered + u.registered }),
    { households: 0, registered: 0 },
  );
  const unit = data.units.find((u) => u.unitId === data.unitId);
  return (
    <main className={styles.page}>
      <header>
        <h2>{t('householdsTitle')}</h2>
        <p className="muted">{t('householdsLead')}</p>
      </header>
      <ImportPanel
        title={t('householdsImport')}
        help={
          <>
            <p>{t('householdsColumns')}</p>
            <p>{t('householdsRules')}</p>
          </>
        }
        templateName="households-template.csv"
        template={HOUSEHOLD_TEMPLATE}
        pending={upload.isPending}
        error={upload.error ? serverErrorMessage(upload.error, locale) : null}
        run={(file) => upload.mutateAsync({ slug, ...file })}
        summary={(r, dryRun) =>
          t(dryRun ? 'householdsChecked' : 'householdsImported', { imported: r.imported, updated: r.updated })
        }
        onImported={() => void queryClient.invalidateQueries({ queryKey: trpc.household.list.queryKey() })}
      />
      <section className="panel" aria-labelledby="register-title">
        <h2 id="register-title">{t('register')}</h2>
        {data.units.length === 0 ? (
          <p className="notice">{t('noUnits')}</p>
        ) : (
          <>
            <p className="small muted">{t('registerTotals', totals)}</p>
            <div className={styles.split}>
              <nav aria-label={t('units')} className={styles.unitList}>
                <table className="small">
                  <thead>
                    <tr>
                      <th scope="col">{t('unit')}</th>
                      <th scope="col">{t('households')}</th>
                      <th scope="col">{t('withArea')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.units.map((u) => (
                      <tr
                        key={u.unitId}
                        aria-current={u.unitId === data.unitId ? 'true' : undefined}
                        className={u.unitId === data.unitId ? styles.current : undefined}
                      >
                        <td>
                          <button
                            type="button"
                            className={styles.unitButton}
                            onClick={() => startTransition(() => setUnitId(u.unitId))}
                          >
                            {u.buildingName} {u.unitName}
                          </button>
                        </td>
                        <td className="num">{u.households}</td>
                        <td className="num">{u.registered}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </nav>
              <div>
                <h3>
                  {unit?.buildingName} {unit?.unitName}
                </h3>
                {data.items.length === 0 ? (
                  <p className="notice">{t('noHouseholds')}</p>
                ) : (
                  <div className={styles.tableScroll}>
                    <table className="small">
                      <thead>
                        <tr>
                          <th scope="col">{t('room')}</th>
                          <th scope="col">{t('area')}</th>
                          <th scope="col">{t('age0to59')}</th>
                          <th scope="col">{t('age60to79')}</th>
                          <th scope="col">{t('age80plus')}</th>
                          <th scope="col">{t('mobility')}</th>
                          <th scope="col">{t('contact')}</th>
                          <th scope="col">
                            <span className="sr-only">{t('actions')}</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.items.map((h) =>
                          editing === h.id ? (
                            <HouseholdEditRow
                              key={h.id}
                              household={h}
                              onDone={() => {
                                setEditing(null);
                                void queryClient.invalidateQueries({ queryKey: trpc.household.list.queryKey() });
                              }}
                            />
                          ) : (
                            <tr key={h.id}>
                              <td>{h.room}</td>
                              <td className="num">
                                {h.areaM2 > 0 ? h.areaM2 : <span className="muted">{t('noArea')}</span>}
                              </td>
                              <td className="num">{h.occupants0to59}</td>
                              <td className="num">{h.occupants60to79}</td>
                              <td className="num">{h.occupants80plus}</td>
                              <td className="num">{h.mobilityImpaired}</td>
                              <td>{h.contactOnFile ? t('onFile') : <span className="muted">{t('none')}</span>}</td>
                              <td>
                                <button type="button" onClick={() => setEditing(h.id)}>
                                  {t('edit')}
                                </button>
                              </td>
                            </tr>
                          ),
                        )}
                      </tbody>
                    </table>
                  </div>
                )}
                <p className="small muted">{t('privacyNote')}</p>
              </div>
            </div>
          </>
        )}
      </section>
    </main>
  );
}
