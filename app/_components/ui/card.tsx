// A surface that groups related content, optionally with a heading row.
import type { ReactNode } from 'react';
import { cx } from './cx';

type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Drop the body padding, e.g. for a table that runs edge to edge. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Card({ title, description, actions, flush, className, children }: CardProps) {
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section className={cx('rounded-xl border border-line bg-surface shadow-card', className)}>
      {hasHeader ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3.5 sm:px-5">
          <div className="min-w-0">
            {title !== undefined ? <h2 className="text-sm font-semibold text-fg">{title}</h2> : null}
            {description !== undefined ? <p className="mt-0.5 text-sm text-fg-muted">{description}</p> : null}
          </div>
          {actions !== undefined ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className={flush ? undefined : 'p-4 sm:p-5'}>{children}</div>
    </section>
  );
}
