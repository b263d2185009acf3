// Data tables: a labelled region that scrolls sideways on narrow screens (keyboard
// users can scroll it too), the first column pinned, numbers right-aligned in
// tabular figures. Sorting is done by links the caller builds from its URL parser.
import Link from 'next/link';
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './cx';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './icons';

type TableProps = {
  /** Names the table for assistive technology (visually hidden unless showCaption). */
  caption: string;
  showCaption?: boolean;
  /** Keep the first column in view while the rest scrolls sideways. */
  stickyFirstColumn?: boolean;
  children: ReactNode;
};

export function Table({ caption, showCaption, stickyFirstColumn = true, children }: TableProps) {
  const t = useTranslations('common.table');
  return (
    <div
      role="region"
      aria-label={t('scrollRegion', { caption })}
      tabIndex={0}
      // `relative` keeps visually hidden text in cells inside the scrolling region on phones.
      className="relative overflow-x-auto overscroll-x-contain rounded-xl border border-line bg-surface shadow-card"
    >
      <table
        className={cx(
          'w-full border-collapse text-left text-sm',
          '[&_tbody_tr]:border-t [&_tbody_tr]:border-line [&_tbody_tr:hover>td]:bg-surface-hover [&_tbody_tr:hover>th]:bg-surface-hover',
          // On phones the first column (the row's name) stays in view while the numbers
          // scroll under it, wide enough that a name does not wrap into a tower.
          stickyFirstColumn &&
            '[&_tr>*:first-child]:sticky [&_tr>*:first-child]:left-0 [&_tr>*:first-child]:z-[1] [&_tbody_tr>*:first-child]:bg-surface max-md:[&_tr>*:first-child]:min-w-44 max-md:[&_tr>*:first-child]:shadow-[inset_-1px_0_0_var(--line)]',
        )}
      >
        <caption className={showCaption ? 'px-4 pt-4 pb-2 text-left text-sm font-semibold text-fg sm:px-5' : 'sr-only'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

type Align = 'start' | 'end';
const alignClass = (align: Align) => (align === 'end' ? 'text-right' : 'text-left');

type ThProps = Omit<ThHTMLAttributes<HTMLTableCellElement>, 'align'> & { align?: Align };

export function Th({ align = 'start', className, children, ...props }: ThProps) {
  return (
    <th
      scope="col"
      className={cx(
        'whitespace-nowrap bg-surface-muted px-4 py-2.5 text-xs font-medium text-fg-muted first:pl-4 sm:first:pl-5 last:pr-4 sm:last:pr-5',
        alignClass(align),
        className,
      )}
      {...props}
    >
      {children}
    </th>
  );
}

type SortableThProps = {
  href: Route;
  /** The current sort direction when the table is sorted by this column. */
  sorted?: 'asc' | 'desc';
  align?: Align;
  children: ReactNode;
};

/** A column header that is a link to the same table sorted by this column. */
export function SortableTh({ href, sorted, align = 'start', children }: SortableThProps) {
  const t = useTranslations('common.table');
  const Arrow = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : SortIcon;
  return (
    <Th align={align} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      <Link
        href={href}
        className={cx(
          'group inline-flex items-center gap-1 rounded hover:text-fg',
          align === 'end' && 'flex-row-reverse',
          sorted && 'text-fg',
        )}
      >
        {children}
        <Arrow className={cx('size-3.5', sorted ? 'text-accent-text' : 'text-fg-subtle/70 group-hover:text-fg-subtle')} />
        {sorted ? <span className="sr-only">({t(sorted === 'asc' ? 'sortedAscending' : 'sortedDescending')})</span> : null}
      </Link>
    </Th>
  );
}

type TdProps = Omit<TdHTMLAttributes<HTMLTableCellElement>, 'align'> & { align?: Align };

export function Td({ align = 'start', className, children, ...props }: TdProps) {
  return (
    <td
      className={cx(
        'px-4 py-3 align-middle text-fg first:pl-4 sm:first:pl-5 last:pr-4 sm:last:pr-5',
        align === 'end' && 'text-right tabular-nums',
        className,
      )}
      {...props}
    >
      {children}
    </td>
  );
}
