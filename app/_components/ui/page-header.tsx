// The top of every page: its title, what it is for, and its main actions.
import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ChevronLeftIcon } from './icons';

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Above the title: a back link or breadcrumb. */
  eyebrow?: ReactNode;
  /** Beside the title: a status badge. */
  badge?: ReactNode;
  actions?: ReactNode;
};

export function PageHeader({ title, description, eyebrow, badge, actions }: PageHeaderProps) {
  return (
    <header className="mb-6 flex flex-col gap-4 sm:mb-8 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {eyebrow !== undefined ? <div className="mb-2 text-sm text-fg-muted">{eyebrow}</div> : null}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-fg text-balance">{title}</h1>
          {badge}
        </div>
        {description !== undefined ? <p className="mt-1.5 max-w-2xl text-sm text-fg-muted text-pretty">{description}</p> : null}
      </div>
      {actions !== undefined ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}

/** The eyebrow of a detail page: the way back to the list it belongs to. */
export function BackLink({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 rounded font-medium hover:text-fg">
      <ChevronLeftIcon className="size-4" />
      {children}
    </Link>
  );
}
