// Previous/Next links for keyset-paginated lists (the caller builds the cursor URLs);
// a missing link is shown disabled rather than hidden, so the controls never jump.
import Link from 'next/link';
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClasses } from './button';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

type PaginationProps = {
  previousHref?: Route | null;
  nextHref?: Route | null;
  /** Shown between the links, e.g. "1,234 recipients". */
  summary?: ReactNode;
};

export function Pagination({ previousHref, nextHref, summary }: PaginationProps) {
  const t = useTranslations('common.pagination');
  const linkClass = buttonClasses('secondary', 'sm');
  return (
    <nav aria-label={t('label')} className="mt-4 flex items-center justify-between gap-3">
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={linkClass}>
          <ChevronLeftIcon />
          {t('previous')}
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          <ChevronLeftIcon />
          {t('previous')}
        </span>
      )}
      {summary !== undefined ? <p className="truncate text-sm text-fg-muted tabular-nums">{summary}</p> : null}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={linkClass}>
          {t('next')}
          <ChevronRightIcon />
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          {t('next')}
          <ChevronRightIcon />
        </span>
      )}
    </nav>
  );
}
