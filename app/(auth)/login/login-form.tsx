'use client';
// The sign-in form. Rendered on the server and posted as a plain form when JavaScript
// is off; with it on, it adds a pending state and keeps the page in place.
import { useActionState, useState, type FormEvent } from 'react';
import { SpinnerIcon } from '@/app/_components/ui/icons';
import { signInWithPassword } from './actions';
import { initialSignInState, type SignInState } from './sign-in-state';

type Labels = {
  email: string;
  emailPlaceholder: string;
  password: string;
  submit: string;
  submitting: string;
  emailTooLong: string;
  passwordTooLong: string;
  fixFields: string;
};

type Props = {
  next: string;
  /** A message from before this page was rendered (an oversized request). */
  notice?: string;
  limits: { email: number; password: number };
  labels: Labels;
};

export function LoginForm({ next, notice, limits, labels }: Props) {
  const [serverState, formAction, pending] = useActionState(signInWithPassword, initialSignInState);
  // Checked in the browser too: an oversized request would be refused before the action runs.
  const [localState, setLocalState] = useState<SignInState | null>(null);
  const state = localState ?? serverState;
  const message = state.message ?? notice;

  function checkSizes(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
    const email = text(data.get('email'));
    const password = text(data.get('password'));
    const fieldErrors: SignInState['fieldErrors'] = {};
    if (email.length > limits.email) fieldErrors.email = labels.emailTooLong;
    if (password.length > limits.password) fieldErrors.password = labels.passwordTooLong;
    if (fieldErrors.email || fieldErrors.password) {
      event.preventDefault();
      setLocalState({ message: labels.fixFields, fieldErrors, email: email.slice(0, limits.email) });
    } else {
      setLocalState(null);
    }
  }

  const emailError = state.fieldErrors?.email;
  const passwordError = state.fieldErrors?.password;

  return (
    <form action={formAction} onSubmit={checkSizes} noValidate className="mt-6 space-y-5">
      <input type="hidden" name="next" value={next} />

      <div id="sign-in-message" aria-live="polite" aria-atomic="true">
        {message ? (
          <p role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger-text">
            {message}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor="email" className="block text-sm font-medium text-fg">
          {labels.email}
        </label>
        <input
          // A new key per answer re-mounts the field, so it shows the email sent back.
          key={`email:${state.email ?? ''}`}
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={limits.email}
          defaultValue={state.email ?? ''}
          placeholder={labels.emailPlaceholder}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : message ? 'sign-in-message' : undefined}
          className="mt-1 block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-base text-fg shadow-xs placeholder:text-fg-subtle focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-accent/30 aria-invalid:border-danger sm:text-sm"
        />
        {emailError ? (
          <p id="email-error" className="mt-1 text-sm text-danger-text">
            {emailError}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor="password" className="block text-sm font-medium text-fg">
          {labels.password}
        </label>
        <input
          key={`password:${state.message ?? ''}`}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={limits.password}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className="mt-1 block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-base text-fg shadow-xs focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-accent/30 aria-invalid:border-danger sm:text-sm"
        />
        {passwordError ? (
          <p id="password-error" className="mt-1 text-sm text-danger-text">
            {passwordError}
          </p>
        ) : null}
      </div>

      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-accent px-4 py-2.5 text-sm font-semibold text-accent-fg shadow-sm hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? <SpinnerIcon /> : null}
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
