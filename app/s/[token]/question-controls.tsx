'use client';
// The answer controls of one question, each large enough for a thumb: choices as full-width
// rows with the native radio or checkbox, scores as a row of big numbered tiles (stars for a
// rating), free text as a roomy textarea that counts characters once there are any.
import { useTranslations } from 'next-intl';
import { useState } from 'react';

type ChoiceListProps = { kind: 'single_choice' | 'multiple_choice'; name: string; choices: string[]; sent: string[]; required: boolean; invalid: boolean };

export function ChoiceList({ kind, name, choices, sent, required, invalid }: ChoiceListProps) {
  const type = kind === 'single_choice' ? 'radio' : 'checkbox';
  return (
    <div className="grid gap-2.5">
      {choices.map((choice) => (
        <label
          key={choice}
          className="flex min-h-13 cursor-pointer items-center gap-3 rounded-xl border border-line-strong bg-surface px-4 py-3 text-base text-fg transition-colors hover:bg-surface-hover has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent"
        >
          <input
            type={type}
            name={name}
            value={choice}
            defaultChecked={sent.includes(choice)}
            required={type === 'radio' ? required : undefined}
            aria-invalid={invalid || undefined}
            className="size-5 shrink-0 accent-(--accent) focus-visible:outline-none"
          />
          <span className="min-w-0 text-pretty">{choice}</span>
        </label>
      ))}
    </div>
  );
}

type ScoreScaleProps = { kind: 'rating' | 'nps'; name: string; sent: string | undefined; required: boolean; invalid: boolean };

/** A row of large tappable scores: 1–5 stars, or 0–10 in two rows on a phone. */
export function ScoreScale({ kind, name, sent, required, invalid }: ScoreScaleProps) {
  const t = useTranslations('survey');
  const scores = kind === 'rating' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [low, high] = kind === 'rating' ? [t('rating.low'), t('rating.high')] : [t('nps.low'), t('nps.high')];
  return (
    <div>
      <div className={kind === 'rating' ? 'grid grid-cols-5 gap-2' : 'grid grid-cols-6 gap-2 sm:grid-cols-11 sm:gap-1.5'}>
        {scores.map((score) => (
          <label
            key={score}
            className="flex min-h-13 cursor-pointer flex-col items-center justify-center gap-0.5 rounded-xl border border-line-strong bg-surface py-2 text-lg font-semibold text-fg tabular-nums transition-colors hover:bg-surface-hover has-checked:border-accent has-checked:bg-accent has-checked:text-accent-fg has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent"
          >
            <input
              type="radio"
              name={name}
              value={score}
              defaultChecked={sent === String(score)}
              required={required}
              aria-invalid={invalid || undefined}
              aria-label={kind === 'rating' ? t('rating.option', { score }) : undefined}
              className="sr-only"
            />
            {kind === 'rating' ? <StarIcon /> : null}
            <span aria-hidden={kind === 'rating' || undefined}>{score}</span>
          </label>
        ))}
      </div>
      <div aria-hidden="true" className="mt-2 flex justify-between gap-4 text-xs font-medium text-fg-muted">
        <span>
          {scores[0]} = {low}
        </span>
        <span>
          {scores.at(-1)} = {high}
        </span>
      </div>
    </div>
  );
}

function StarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor" fillOpacity="0.18" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
      <path d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z" />
    </svg>
  );
}

type FreeTextProps = { name: string; sent: string; required: boolean; invalid: boolean; describedBy: string; max: number };

export function FreeText({ name, sent, required, invalid, describedBy, max }: FreeTextProps) {
  const t = useTranslations('survey');
  const [length, setLength] = useState(sent.length);
  return (
    <div className="mt-4">
      <textarea
        id={`field-${name}`}
        name={name}
        defaultValue={sent}
        rows={4}
        // An answer sent back too long stays editable in full, so it can be shortened.
        maxLength={sent.length > max ? undefined : max}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t('freeText.placeholder')}
        onChange={(event) => setLength(event.currentTarget.value.length)}
        className="block min-h-32 w-full rounded-xl border border-line-strong bg-surface px-4 py-3 text-base leading-relaxed text-fg shadow-card placeholder:text-fg-subtle focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-accent/30 aria-invalid:border-danger"
      />
      {/* Shown once there is text (typed with JavaScript on, or sent back), so it is never stale. */}
      {length > 0 ? (
        <p className={`mt-1.5 text-right text-xs tabular-nums ${length > max ? 'font-medium text-danger-text' : 'text-fg-subtle'}`} aria-hidden="true">
          {t('freeText.counter', { count: length, max })}
        </p>
      ) : null}
    </div>
  );
}
