// A moment as its date over its time (with the zone), for table columns that should
// stay narrow: "Oct 30, 2026" above "3:30 PM EDT" instead of one long line.
import type { Formatter } from '@/lib/format';
import { cx } from './cx';

export function StackedMoment({ moment, format, className }: { moment: Date; format: Formatter; className?: string }) {
  return (
    <time dateTime={moment.toISOString()} className={cx('flex flex-col whitespace-nowrap leading-tight', className)}>
      <span>{format.date(moment)}</span>
      <span className="text-xs text-fg-subtle">{format.time(moment)}</span>
    </time>
  );
}
