// What a section shows before it has anything: what will be here, what you will be
// able to see, and the one action that gets you started.
import type { ReactNode } from 'react';

type EmptyStateProps = {
  icon: ReactNode;
  title: ReactNode;
  body: ReactNode;
  action?: ReactNode;
  /** What the section will show once it has content, e.g. the metrics of a campaign. */
  highlights?: { label: ReactNode; items: ReactNode[] };
};

export function EmptyState({ icon, title, body, action, highlights }: EmptyStateProps) {
  return (
    <section className="relative overflow-hidden rounded-2xl border border-line bg-surface px-6 py-12 text-center shadow-card sm:px-10 sm:py-16">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-40 bg-[radial-gradient(60%_100%_at_50%_0%,var(--accent-soft),transparent)]"
      />
      <div className="relative mx-auto flex max-w-lg flex-col items-center">
        <span className="flex size-12 items-center justify-center rounded-xl border border-line bg-surface text-accent-text shadow-card [&_svg]:size-6">
          {icon}
        </span>
        <h2 className="mt-5 text-lg font-semibold text-fg text-balance">{title}</h2>
        <p className="mt-2 text-sm leading-relaxed text-fg-muted text-pretty">{body}</p>
        {action !== undefined ? <div className="mt-6">{action}</div> : null}
        {highlights !== undefined ? (
          <div className="mt-10 w-full border-t border-line pt-6">
            <h3 className="text-xs font-medium tracking-wide text-fg-subtle uppercase">{highlights.label}</h3>
            <ul className="mt-3 flex flex-wrap justify-center gap-2">
              {highlights.items.map((item, index) => (
                <li
                  key={index}
                  className="rounded-full border border-line bg-surface-muted px-3 py-1 text-xs font-medium text-fg-muted"
                >
                  {item}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
