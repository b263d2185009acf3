// Tabs that are links: each tab is its own URL, the current one marked with
// aria-current="page", so they work without JavaScript and can be bookmarked.
import Link from 'next/link';
import type { Route } from 'next';
import type { ReactNode } from 'react';
import { cx } from './cx';

export type TabItem = {
  href: Route;
  label: ReactNode;
  current: boolean;
  /** A count shown beside the label, already formatted. */
  badge?: ReactNode;
};

export function Tabs({ label, items }: { label: string; items: TabItem[] }) {
  return (
    <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto border-b border-line px-4 scrollbar-none sm:mx-0 sm:px-0">
      <ul className="flex gap-6">
        {items.map((item) => (
          <li key={String(item.href)}>
            <Link
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
              className={cx(
                '-mb-px inline-flex items-center gap-2 whitespace-nowrap border-b-2 py-3 text-sm font-medium transition-colors',
                item.current ? 'border-accent text-fg' : 'border-transparent text-fg-muted hover:border-line-strong hover:text-fg',
              )}
            >
              {item.label}
              {item.badge !== undefined ? (
                <span className="rounded-full bg-surface-muted px-1.5 py-0.5 text-xs text-fg-muted tabular-nums">{item.badge}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
