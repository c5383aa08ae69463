import type { ReactNode } from 'react';

/**
 * A button that stays focusable and announced while its work is under way: aria-disabled
 * rather than disabled (a disabled button drops keyboard focus and vanishes from the tab
 * order mid-action), with clicks ignored until the work is done.
 */
export function BusyButton({ busy, describedBy, onClick, children }: { busy: boolean; describedBy?: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button"
      aria-disabled={busy || undefined}
      aria-describedby={describedBy}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {children}
    </button>
  );
}
