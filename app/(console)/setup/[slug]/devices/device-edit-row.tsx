'use client';
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';

type Place = { id: number; name: string; floors: number; units: Array<{ id: number; name: string }> };
type Device = {
  id: number;
  name: string;
  heartbeatSeconds: number;
  buildingId: number | null;
  unitId: number | null;
  floor: number | null;
};

/** One device's name, heartbeat and place, edited in its table row. */
export function DeviceEditRow({ device, places, onDone }: { device: Device; places: Place[]; onDone: () => void }) {
  const t = useTranslations('setupRegister');
  const locale = useLocale();
  const trpc = useTRPC();
  const save = useMutation(trpc.device.update.mutationOptions({ onSuccess: onDone }));
  const [name, setName] = useState(device.name);
  const [heartbeat, setHeartbeat] = useState(String(device.heartbeatSeconds));
  const [buildingId, setBuildingId] = useState(device.buildingId ?? 0);
  const [unitId, setUnitId] = useState(device.unitId ?? 0);
  const [floor, setFloor] = useState(device.floor === null ? '' : String(device.floor));
  const building = places.find((b) => b.id === buildingId);
  const placeChanged =
    buildingId !== (device.buildingId ?? 0) ||
    unitId !== (device.unitId ?? 0) ||
    floor !== (device.floor === null ? '' : String(device.floor));
  return (
    <tr>
      <td colSpan={7}>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              id: device.id,
              name: name.trim() || undefined,
              heartbeatSeconds: Number(heartbeat),
              place:
                placeChanged && buildingId
                  ? { buildingId, unitId: unitId || null, floor: floor === '' ? null : Number(floor) }
                  : undefined,
            });
          }}
        >
          <label className="grow">
            {t('name')}
            <input value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('heartbeat')}
            <input
              type="number"
              min={10}
              max={86400}
              value={heartbeat}
              required
              onChange={(e) => setHeartbeat(e.target.value)}
            />
          </label>
          <label>
            {t('building')}
            <select value={buildingId} onChange={(e) => (setBuildingId(Number(e.target.value)), setUnitId(0))}>
              <option value={0}>—</option>
              {places.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('unit')}
            <select value={unitId} onChange={(e) => setUnitId(Number(e.target.value))} disabled={!building}>
              <option value={0}>—</option>
              {building?.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('floor')}
            <input
              type="number"
              min={-5}
              max={building?.floors ?? 200}
              value={floor}
              onChange={(e) => setFloor(e.target.value)}
              disabled={!building}
            />
          </label>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('cancel')}
          </button>
        </form>
        {save.error && (
          <p role="alert" className="error">
            {serverErrorMessage(save.error, locale)}
          </p>
        )}
      </td>
    </tr>
  );
}
