'use client';
// A form's submit button that says it is working while the action runs (with
// JavaScript; without it the browser's own page load shows progress).
import { useFormStatus } from 'react-dom';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { buttonClasses, type ButtonSize, type ButtonVariant } from './button';
import { SpinnerIcon } from './icons';

type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: ReactNode;
  /** Shown instead of the label while the form is being submitted. */
  pendingLabel?: ReactNode;
};

export function SubmitButton({ variant = 'primary', size, icon, pendingLabel, className, children, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={buttonClasses(variant, size, className)}
      {...props}
      onClick={(event) => {
        // A second press while the first is running would submit twice.
        if (pending) event.preventDefault();
        props.onClick?.(event);
      }}
    >
      {pending ? <SpinnerIcon /> : icon}
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
