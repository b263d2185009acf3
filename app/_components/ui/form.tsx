// Form fields wired for assistive technology: the label names the control, the hint
// and the error are linked with aria-describedby, an error sets aria-invalid, and
// form-level messages sit in a live region. Errors come from the server's form state,
// so everything works without JavaScript.
import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import { CheckCircleIcon, ErrorIcon } from './icons';

/** The props a field hands its control. */
export type ControlProps = {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
};

type FieldProps = {
  label: ReactNode;
  name: string;
  /** Defaults to `field-<name>`; pass one when a form has the same name twice. */
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  /** Say "optional" next to the label (when most fields of the form are required). */
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ label, name, id = `field-${name}`, hint, error, required, optional, children }: FieldProps) {
  const t = useTranslations('common.form');
  const hintId = hint !== undefined ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-fg">
        {label}
        {optional ? <span className="ml-1.5 font-normal text-fg-subtle">({t('optional')})</span> : null}
      </label>
      {children({
        id,
        name,
        'aria-describedby': describedBy,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { required } : {}),
      })}
      {hint !== undefined ? (
        <p id={hintId} className="text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm text-danger-text">
          <ErrorIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="sr-only">{t('errorPrefix')}</span> {error}
          </span>
        </p>
      ) : null}
    </div>
  );
}

const controlClass = cx(
  'block w-full rounded-lg border border-line-strong bg-surface px-3 text-sm text-fg shadow-card placeholder:text-fg-subtle',
  'focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-accent/30',
  'aria-invalid:border-danger aria-invalid:focus:outline-danger/30',
  'disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-fg-subtle',
);

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cx(controlClass, 'h-9', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cx(controlClass, 'min-h-24 py-2 leading-relaxed', className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cx(controlClass, 'h-9 pr-8', className)} {...props} />;
}

/** A labelled text input with hint and error: the common case of Field + Input. */
export function TextField({
  label,
  name,
  id,
  hint,
  error,
  required,
  optional,
  ...inputProps
}: Omit<FieldProps, 'children'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'children'>) {
  return (
    <Field label={label} name={name} id={id} hint={hint} error={error} required={required} optional={optional}>
      {(control) => <Input {...inputProps} {...control} />}
    </Field>
  );
}

/**
 * The form's own message (saved, or "2 fields need your attention"), announced when
 * it changes. Always rendered, so the live region exists before the message arrives.
 */
export function FormMessage({ tone = 'error', children }: { tone?: 'error' | 'success'; children?: ReactNode }) {
  const hasMessage = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div aria-live="polite" role={tone === 'error' ? 'alert' : 'status'}>
      {hasMessage ? (
        <p
          className={cx(
            'flex items-start gap-2 rounded-lg px-3 py-2 text-sm',
            tone === 'error' ? 'bg-danger-soft text-danger-text' : 'bg-success-soft text-success-text',
          )}
        >
          {tone === 'error' ? <ErrorIcon className="mt-0.5 size-4 shrink-0" /> : <CheckCircleIcon className="mt-0.5 size-4 shrink-0" />}
          <span>{children}</span>
        </p>
      ) : null}
    </div>
  );
}
