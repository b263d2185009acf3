// Small labels for states: a campaign's status, an automation's on/off, a
// recipient's delivery. The word carries the meaning; the colour only echoes it.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: 'bg-surface-muted text-fg-muted ring-line-strong', dot: 'bg-fg-subtle' },
  accent: { badge: 'bg-accent-soft text-accent-text ring-accent/25', dot: 'bg-accent' },
  success: { badge: 'bg-success-soft text-success-text ring-delivered/30', dot: 'bg-delivered' },
  warning: { badge: 'bg-warning-soft text-warning-text ring-pending/40', dot: 'bg-pending' },
  danger: { badge: 'bg-danger-soft text-danger-text ring-failed/30', dot: 'bg-failed' },
};

export function Badge({ tone = 'neutral', dot, children }: { tone?: BadgeTone; dot?: boolean; children: ReactNode }) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[tone].badge,
      )}
    >
      {dot ? <span aria-hidden="true" className={cx('size-1.5 rounded-full', tones[tone].dot)} /> : null}
      {children}
    </span>
  );
}

/** Every status a Pulse object can be in, with the tone it shows in. */
const statusTones = {
  draft: 'neutral',
  scheduled: 'accent',
  sending: 'warning',
  sent: 'success',
  canceled: 'neutral',
  active: 'success',
  inactive: 'neutral',
  delivered: 'success',
  pending: 'warning',
  failed: 'danger',
} as const satisfies Record<string, BadgeTone>;

export type Status = keyof typeof statusTones;

export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslations('common.status');
  return (
    <Badge tone={statusTones[status]} dot>
      {t(status)}
    </Badge>
  );
}
