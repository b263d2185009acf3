// The survey's closing card: thanks after sending, or "you already answered". No hooks,
// so the server page and the client form both render it.
import { CheckCircleIcon } from '@/app/_components/ui/icons';

export function SurveyMessage({ title, body }: { title: string; body: string }) {
  return (
    <section role="status" className="mt-6 rounded-2xl border border-line bg-surface px-6 py-10 text-center shadow-card sm:px-10">
      <span className="mx-auto flex size-14 items-center justify-center rounded-full bg-success-soft text-success-text">
        <CheckCircleIcon className="size-8" />
      </span>
      <h2 className="mt-5 text-xl font-semibold tracking-tight text-fg text-balance">{title}</h2>
      <p className="mx-auto mt-2 max-w-sm text-base leading-relaxed text-fg-muted text-pretty whitespace-pre-line">{body}</p>
    </section>
  );
}
