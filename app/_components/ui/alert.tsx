// A callout inside a page: information, a success, a warning or an error, with an
// optional title and action. Not announced by itself: page content, not a toast.
import type { ReactNode } from 'react';
import { cx } from './cx';
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<AlertTone, { box: string; Icon: typeof InfoIcon }> = {
  info: { box: 'border-accent/20 bg-accent-soft text-accent-text', Icon: InfoIcon },
  success: { box: 'border-delivered/25 bg-success-soft text-success-text', Icon: CheckCircleIcon },
  warning: { box: 'border-pending/35 bg-warning-soft text-warning-text', Icon: WarningIcon },
  danger: { box: 'border-failed/25 bg-danger-soft text-danger-text', Icon: ErrorIcon },
};

type AlertProps = { tone?: AlertTone; title?: ReactNode; action?: ReactNode; children?: ReactNode };

export function Alert({ tone = 'info', title, action, children }: AlertProps) {
  const { box, Icon } = tones[tone];
  return (
    <div className={cx('flex gap-3 rounded-xl border px-4 py-3 text-sm', box)}>
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        {title !== undefined ? <p className="font-semibold">{title}</p> : null}
        {children !== undefined ? <div className={cx(title !== undefined && 'mt-1', 'text-pretty')}>{children}</div> : null}
      </div>
      {action !== undefined ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
