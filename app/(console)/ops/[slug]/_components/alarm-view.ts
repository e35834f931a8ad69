// What the alarm list shows while alarms keep arriving (docs/DOMAIN.md § Alarms, the desk):
// while someone works in the list (pointer or focus in it, or an alarm's drawer open) the rows
// stay where they are. New alarms are held and announced; rows that left the server's list
// (resolved elsewhere) stay in place, marked, until the list may move again. When nobody works
// in it, the list follows the server at once and the new rows are still announced.

import type { RouterOutputs } from '~/app/_trpc/types';

/** One alarm as the desk receives it (server/queries/alarms.ts alarmDesk). */
export type DeskAlarm = RouterOutputs['alarm']['list'][number];

export type ViewRow = { id: number };

export type AlarmView<T extends ViewRow> = {
  /** The ids shown, in the order shown. */
  order: number[];
  /** The last rows seen, so a row that left the server's list can stay until the list may move. */
  last: ReadonlyMap<number, T>;
  /** Arrived while the list was being worked in: not shown yet. */
  held: number[];
  /** Arrived and not looked at yet (held or shown): what the banner counts. */
  unseen: number[];
  /** Shown by the last reveal (the banner's 查看), to scroll to and mark. */
  revealed: number[];
  /** The ids that arrived with the last update, for the sound; empty when none did. */
  arrived: number[];
};

/** The list's first view: the server's rows as they are, nothing announced. */
export function firstView<T extends ViewRow>(rows: readonly T[]): AlarmView<T> {
  return {
    order: rows.map((r) => r.id),
    last: new Map(rows.map((r) => [r.id, r])),
    held: [],
    unseen: [],
    revealed: [],
    arrived: [],
  };
}

/** The view after the server sent `rows`, for a list that is (or is not) being worked in. */
export function nextView<T extends ViewRow>(
  view: AlarmView<T> | null,
  rows: readonly T[],
  working: boolean,
): AlarmView<T> {
  if (!view) return firstView(rows);
  const known = new Set([...view.order, ...view.held]);
  const arrived = rows.filter((r) => !known.has(r.id)).map((r) => r.id);
  const present = new Set(rows.map((r) => r.id));
  const last = new Map(view.last);
  for (const r of rows) last.set(r.id, r);
  // An announced alarm that left before anyone looked needs no more announcing.
  const unseen = [...view.unseen.filter((id) => present.has(id)), ...arrived];
  if (!working) {
    for (const id of last.keys()) if (!present.has(id)) last.delete(id);
    return { order: rows.map((r) => r.id), last, held: [], unseen, revealed: view.revealed, arrived };
  }
  const held = [...view.held.filter((id) => present.has(id)), ...arrived];
  return { order: view.order, last, held, unseen, revealed: view.revealed, arrived };
}

/**
 * The list may move again (nobody is working in it): follow the server, except alarms still
 * held, which wait for the banner so they never appear without being announced.
 */
export function settle<T extends ViewRow>(view: AlarmView<T>, rows: readonly T[]): AlarmView<T> {
  const held = new Set(view.held);
  const present = new Set(rows.map((r) => r.id));
  const last = new Map([...view.last].filter(([id]) => present.has(id)));
  return { ...view, order: rows.map((r) => r.id).filter((id) => !held.has(id)), last, arrived: [] };
}

/** The banner's 查看: every row the server has, in its order; the new ones are what to scroll to. */
export function reveal<T extends ViewRow>(view: AlarmView<T>, rows: readonly T[]): AlarmView<T> {
  const present = new Set(rows.map((r) => r.id));
  return {
    order: rows.map((r) => r.id),
    last: new Map([...view.last].filter(([id]) => present.has(id))),
    held: [],
    unseen: [],
    revealed: view.unseen.filter((id) => present.has(id)),
    arrived: [],
  };
}

/** The rows to draw: the server's row where it has one, else the last one seen, marked gone. */
export function shownRows<T extends ViewRow>(view: AlarmView<T>, rows: readonly T[]): Array<T & { gone: boolean }> {
  const current = new Map(rows.map((r) => [r.id, r]));
  return view.order.flatMap((id): Array<T & { gone: boolean }> => {
    const row = current.get(id);
    if (row) return [{ ...row, gone: false }];
    const old = view.last.get(id);
    return old ? [{ ...old, gone: true }] : [];
  });
}
