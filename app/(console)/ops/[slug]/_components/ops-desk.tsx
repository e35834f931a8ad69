'use client';
// The desk's live parts: alarms, work orders and their rates. A work order
// opened from an alarm opens in the detail panel; a frame saying another
// console opened or moved an order refreshes lists, details and rates.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWorkOrderVersion } from '~/app/_live/hooks';
import { useTRPC } from '~/app/_trpc/client';
import { AlarmDesk } from './alarm-desk';
import { RatesPanel } from './rates-panel';
import { WorkOrders } from './work-orders';

export function OpsDesk({
  slug,
  device,
  children,
}: {
  slug: string;
  /** ?device=<code>: the alarm list shows only that device's alarms. */
  device?: string;
  children?: React.ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const version = useWorkOrderVersion();
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    if (version === 0) return;
    void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
    void queryClient.invalidateQueries({ queryKey: trpc.alarm.list.queryKey({ slug }) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const openOrder = (id: number) => {
    setSelected(id);
    // After React has drawn the detail panel.
    requestAnimationFrame(() =>
      document.getElementById('wo-h')?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    );
  };
  return (
    <>
      {/* A new filter is a new list, not new alarms: the desk starts its view afresh. */}
      <AlarmDesk key={device ?? ''} slug={slug} device={device} onOpenOrder={openOrder} />
      <WorkOrders slug={slug} selected={selected} onSelect={setSelected} />
      <RatesPanel slug={slug} />
      {children}
    </>
  );
}
