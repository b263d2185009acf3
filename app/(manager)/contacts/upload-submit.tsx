'use client';
// The upload form's button. The form posts to a route handler, not a server action,
// so useFormStatus never sees it; the button follows the form's own submit event.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { buttonClasses } from '@/app/_components/ui/button';
import { SpinnerIcon } from '@/app/_components/ui/icons';

export function UploadSubmit({ label, pendingLabel, icon }: { label: string; pendingLabel: string; icon: ReactNode }) {
  const button = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const form = button.current?.form;
    if (!form) return;
    const start = () => setPending(true);
    // Coming back to the page from the browser's history must not leave it spinning.
    const reset = () => setPending(false);
    form.addEventListener('submit', start);
    window.addEventListener('pageshow', reset);
    return () => {
      form.removeEventListener('submit', start);
      window.removeEventListener('pageshow', reset);
    };
  }, []);

  return (
    <button
      ref={button}
      type="submit"
      aria-disabled={pending || undefined}
      className={buttonClasses('primary', 'md')}
      onClick={(event) => {
        // A second press while the file is uploading would send it twice.
        if (pending) event.preventDefault();
      }}
    >
      {pending ? <SpinnerIcon /> : icon}
      {pending ? pendingLabel : label}
    </button>
  );
}
