// The frame around a recipient's survey: the sending business's name where a letterhead
// would be (not Pulse's), the content column, and a footer saying where answers go.
import type { ReactNode } from 'react';

type SurveyFrameProps = {
  /** The language of the survey, for assistive technology (the page's may differ). */
  lang: string;
  sender: string | null;
  eyebrow: string;
  footer: ReactNode;
  children: ReactNode;
};

export function SurveyFrame({ lang, sender, eyebrow, footer, children }: SurveyFrameProps) {
  return (
    <div lang={lang} className="flex flex-1 flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3.5 sm:px-6">
          {sender ? (
            <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-accent text-base font-semibold text-accent-fg">
              {monogramOf(sender)}
            </span>
          ) : null}
          <div className="min-w-0">
            {sender ? <p className="truncate text-base font-semibold text-fg">{sender}</p> : null}
            <p className="text-sm text-fg-muted">{eyebrow}</p>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 px-4 pt-6 pb-10 sm:px-6 sm:pt-10">{children}</main>
      <footer className="mx-auto w-full max-w-2xl px-4 pb-8 text-center text-xs text-fg-subtle sm:px-6">{footer}</footer>
    </div>
  );
}

/** The first letter of the business's name (a whole grapheme, so an emoji or accent stays intact). */
function monogramOf(name: string): string {
  const [first] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.trim());
  return (first?.segment ?? '?').toLocaleUpperCase();
}
