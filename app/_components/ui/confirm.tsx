// Asking before a destructive action, without JavaScript: the trigger is the
// <summary> of a <details>, which opens a panel holding the confirming form
// (e.g. a submit button with intent=delete_confirmed). Pressing the trigger again,
// or "No, keep it" (a link back to the page), closes it. For a confirmation on its
// own page, use ConfirmPanel directly.
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ButtonLink, buttonClasses, type ButtonVariant } from './button';
import { cx } from './cx';
import { WarningIcon } from './icons';

type ConfirmPanelProps = {
  title: ReactNode;
  body?: ReactNode;
  /** The confirming form or its submit button. */
  children: ReactNode;
};

export function ConfirmPanel({ title, body, children }: ConfirmPanelProps) {
  return (
    <div role="group" aria-label={typeof title === 'string' ? title : undefined} className="flex gap-3 rounded-xl border border-failed/30 bg-surface p-4 shadow-popover">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-danger-soft text-danger-text">
        <WarningIcon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-fg">{title}</p>
        {body !== undefined ? <div className="mt-1 text-sm text-fg-muted text-pretty">{body}</div> : null}
        <div className="mt-4 flex flex-wrap items-center gap-2">{children}</div>
      </div>
    </div>
  );
}

type ConfirmProps = ConfirmPanelProps & {
  /** The words on the trigger, e.g. "Delete". */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerIcon?: ReactNode;
  /** The page itself: following it closes the panel. */
  cancelHref?: Route;
  /** Which edge of the trigger the panel lines up with on wider screens (phones get a bottom sheet). */
  align?: 'start' | 'end';
};

export function Confirm({
  trigger,
  triggerVariant = 'secondary',
  triggerIcon,
  cancelHref,
  align = 'end',
  title,
  body,
  children,
}: ConfirmProps) {
  const t = useTranslations('common.confirm');
  return (
    <details className="group relative">
      <summary className={buttonClasses(triggerVariant, 'md')}>
        {triggerIcon}
        {trigger}
      </summary>
      <div
        className={cx(
          'fixed inset-x-3 bottom-3 z-40 sm:absolute sm:inset-x-auto sm:bottom-auto sm:top-full sm:mt-2 sm:w-[22rem]',
          align === 'end' ? 'sm:right-0' : 'sm:left-0',
        )}
      >
        <ConfirmPanel title={title} body={body}>
          {children}
          {cancelHref ? (
            <ButtonLink href={cancelHref} variant="ghost">
              {t('keep')}
            </ButtonLink>
          ) : null}
        </ConfirmPanel>
      </div>
    </details>
  );
}
