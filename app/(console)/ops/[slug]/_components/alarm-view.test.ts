// The alarm list under a working operator: rows never move while the list is worked in; new
// alarms wait behind the banner; 查看 shows them.
import { describe, expect, it } from 'vitest';
import { firstView, nextView, reveal, settle, shownRows } from './alarm-view';

const rows = (...ids: number[]) => ids.map((id) => ({ id, label: `a${id}` }));
const shown = (view: ReturnType<typeof firstView<{ id: number; label: string }>>, data: ReturnType<typeof rows>) =>
  shownRows(view, data).map((r) => (r.gone ? `${r.id}-gone` : r.id));

describe('the alarm list while alarms arrive', () => {
  it('shows the first list as it is, announcing nothing', () => {
    const v = nextView(null, rows(1, 2, 3), true);
    expect(shown(v, rows(1, 2, 3))).toEqual([1, 2, 3]);
    expect(v.unseen).toEqual([]);
  });

  it('holds a new alarm while the list is worked in, even one that sorts above the row in hand', () => {
    const v = nextView(firstView(rows(1, 2, 3)), rows(9, 1, 2, 3), true);
    expect(shown(v, rows(9, 1, 2, 3))).toEqual([1, 2, 3]);
    expect(v.held).toEqual([9]);
    expect(v.unseen).toEqual([9]);
    expect(v.arrived).toEqual([9]);
  });

  it('keeps a row that left the list in place, marked, until the list may move', () => {
    const data = rows(1, 3);
    const v = nextView(firstView(rows(1, 2, 3)), data, true);
    expect(shown(v, data)).toEqual([1, '2-gone', 3]);
    expect(shown(settle(v, data), data)).toEqual([1, 3]);
  });

  it('still keeps held alarms out when the pointer leaves, until 查看', () => {
    const data = rows(9, 1, 2);
    const held = nextView(firstView(rows(1, 2)), data, true);
    const settled = settle(held, data);
    expect(shown(settled, data)).toEqual([1, 2]);
    const revealed = reveal(settled, data);
    expect(shown(revealed, data)).toEqual([9, 1, 2]);
    expect(revealed.revealed).toEqual([9]);
    expect(revealed.unseen).toEqual([]);
  });

  it('follows the server at once when nobody works in the list, and still announces', () => {
    const v = nextView(firstView(rows(1, 2)), rows(9, 1, 2), false);
    expect(shown(v, rows(9, 1, 2))).toEqual([9, 1, 2]);
    expect(v.held).toEqual([]);
    expect(v.unseen).toEqual([9]);
  });

  it('forgets an announced alarm that left before anyone looked', () => {
    const v = nextView(firstView(rows(1)), rows(9, 1), true);
    const after = nextView(v, rows(1), true);
    expect(after.unseen).toEqual([]);
    expect(after.held).toEqual([]);
  });
});
