'use client';
import { useEffect, useRef, type ReactNode } from 'react';

type Props = {
  id?: string;
  /** The id of the heading inside `children` that names the drawer. */
  labelledBy: string;
  onClose: () => void;
  testId?: string;
  children: ReactNode;
};

/**
 * Details beside the list they belong to: a panel that slides in at the right edge of the
 * window, over the table, so the row that opened it stays in view (a 24-row table never pushes
 * it off the screen). Escape closes it; focus moves into it when it opens and back to the
 * button that opened it when it closes. Not modal: the list stays usable, and a click on another
 * row's button shows that row instead.
 */
export function Drawer({ id, labelledBy, onClose, testId, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    // A non-modal dialog (not a landmark: it sits inside the page's main).
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-modal="false"
      className="drawer"
      aria-labelledby={labelledBy}
      tabIndex={-1}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
