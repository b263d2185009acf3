'use client';
// The recipient's survey form. Rendered on the server and posted as a plain form with
// JavaScript off; with it on, it stays in place, shows a pending button and a live
// character count. After a refused submission every answer comes back as it was sent
// and each problem sits next to its question, with a summary linking to them.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { ErrorIcon, SpinnerIcon } from '@/app/_components/ui/icons';
import type { AnswerProblem } from '@/lib/surveys/responses';
import { fieldName, initialSurveyFormState, type SurveyFormState } from './survey-state';
import { ChoiceList, FreeText, ScoreScale } from './question-controls';
import { SurveyMessage } from './survey-message';

export type PublicQuestion = {
  id: number;
  kind: 'single_choice' | 'multiple_choice' | 'rating' | 'nps' | 'free_text';
  prompt: string;
  choices: string[];
  required: boolean;
};

type Props = {
  action: (state: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  /** What the survey says before its questions; shown only while there is something to answer. */
  intro: ReactNode;
  questions: PublicQuestion[];
  /** The recipient had answered before this page was rendered. */
  alreadyAnswered: boolean;
  thankYou: string;
  maxTextLength: number;
};

export function SurveyForm({ action, intro, questions, alreadyAnswered, thankYou, maxTextLength }: Props) {
  const t = useTranslations('survey');
  const [state, formAction] = useActionState(action, initialSurveyFormState);
  const summary = useRef<HTMLDivElement>(null);
  const closing = useRef<HTMLDivElement>(null);
  const problemCount = Object.keys(state.problems).length;

  useEffect(() => {
    // Take the reader to what changed: the summary of what needs fixing, or the thanks at the
    // top (JavaScript on; without it the page reloads at the top anyway).
    if (state.status === 'invalid' || state.status === 'notFound') summary.current?.focus();
    if (state.status === 'saved' || state.status === 'alreadySubmitted') closing.current?.focus();
  }, [state]);

  if (state.status === 'saved' || state.status === 'alreadySubmitted' || (alreadyAnswered && state.status === 'editing')) {
    // The business's own thank-you text when it wrote one (it usually says thank you itself).
    const [title, body] =
      state.status !== 'saved'
        ? [t('alreadyAnswered.title'), t('alreadyAnswered.body')]
        : thankYou
          ? [t('thanks.receivedTitle'), thankYou]
          : [t('thanks.title'), t('thanks.body')];
    return (
      <div ref={closing} tabIndex={-1} className="scroll-mt-24 outline-none">
        <SurveyMessage title={title} body={body} />
      </div>
    );
  }

  return (
    <>
      {intro}
      <form action={formAction} noValidate className="mt-6 space-y-4">
        <div ref={summary} tabIndex={-1} aria-live="polite" className="outline-none">
          {state.status === 'notFound' ? (
            <ProblemSummary title={t('notFound.title')} />
          ) : problemCount > 0 ? (
            <ProblemSummary title={t('fixProblems', { count: problemCount })}>
              <ul className="mt-2 space-y-1">
                {questions.map((q, index) =>
                  state.problems[q.id] ? (
                    <li key={q.id}>
                      <a href={`#question-${q.id}`} className="underline underline-offset-2">
                        {t('goToQuestion', { number: index + 1, prompt: q.prompt })}
                      </a>
                    </li>
                  ) : null,
                )}
              </ul>
            </ProblemSummary>
          ) : null}
        </div>

        {/* Re-mounted per submission so every field shows what was sent back. */}
        <div key={state.attempt} className="space-y-4">
          {questions.map((question, index) => (
            <QuestionCard
              key={question.id}
              question={question}
              number={index + 1}
              total={questions.length}
              sent={state.values[fieldName(question.id)] ?? []}
              problem={state.problems[question.id]}
              maxTextLength={maxTextLength}
            />
          ))}
        </div>

        <SendButton />
      </form>
    </>
  );
}

function ProblemSummary({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="alert" className="flex gap-3 rounded-2xl border border-failed/30 bg-danger-soft px-4 py-3.5 text-sm text-danger-text">
      <ErrorIcon className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-semibold">{title}</p>
        {children}
      </div>
    </div>
  );
}

type QuestionCardProps = {
  question: PublicQuestion;
  number: number;
  total: number;
  sent: string[];
  problem: AnswerProblem | undefined;
  maxTextLength: number;
};

function QuestionCard({ question, number, total, sent, problem, maxTextLength }: QuestionCardProps) {
  const t = useTranslations('survey');
  const name = fieldName(question.id);
  const ids = { heading: `question-${question.id}-prompt`, hint: `question-${question.id}-hint`, error: `question-${question.id}-error` };
  const describedBy = problem ? `${ids.error} ${ids.hint}` : ids.hint;
  const hint = {
    single_choice: t('hints.singleChoice'),
    multiple_choice: t('hints.multipleChoice'),
    rating: t('hints.rating'),
    nps: t('hints.nps'),
    free_text: t('hints.freeText', { max: maxTextLength }),
  }[question.kind];
  const heading = (
    <>
      <span className="mb-1 block text-xs font-medium tracking-wide text-fg-subtle uppercase">{t('questionNumber', { number, total })}</span>
      <span className="block text-base font-semibold text-fg text-pretty sm:text-lg">
        {question.prompt}
        {question.required ? (
          <>
            <span aria-hidden="true" className="ml-1 text-danger-text">
              *
            </span>
            <span className="sr-only"> ({t('required')})</span>
          </>
        ) : null}
      </span>
    </>
  );
  const error = problem ? (
    <p id={ids.error} className="mt-3 flex items-start gap-2 text-sm font-medium text-danger-text">
      <ErrorIcon className="mt-0.5 size-4 shrink-0" />
      {problem === 'tooLong' ? t('problems.tooLong', { max: maxTextLength, length: (sent[0] ?? '').trim().length }) : t(`problems.${problem}`)}
    </p>
  ) : null;

  const cardClass = `scroll-mt-6 rounded-2xl border bg-surface p-4 shadow-card sm:p-6 ${problem ? 'border-failed/50' : 'border-line'}`;

  if (question.kind === 'free_text') {
    return (
      <section id={`question-${question.id}`} className={cardClass}>
        <label htmlFor={`field-${name}`} id={ids.heading}>
          {heading}
        </label>
        <p id={ids.hint} className="mt-1 text-sm text-fg-muted">
          {hint}
        </p>
        {error}
        <FreeText name={name} sent={sent[0] ?? ''} required={question.required} invalid={Boolean(problem)} describedBy={describedBy} max={maxTextLength} />
      </section>
    );
  }

  return (
    <fieldset id={`question-${question.id}`} aria-describedby={describedBy} className={cardClass}>
      <legend className="float-left w-full" id={ids.heading}>
        {heading}
      </legend>
      {/* For a score scale the end labels say this to sighted readers. */}
      <p id={ids.hint} className={question.kind === 'rating' || question.kind === 'nps' ? 'sr-only' : 'clear-left pt-1 text-sm text-fg-muted'}>
        {hint}
      </p>
      <div className="clear-left">{error}</div>
      <div className="mt-4">
        {question.kind === 'rating' || question.kind === 'nps' ? (
          <ScoreScale kind={question.kind} name={name} sent={sent[0]} required={question.required} invalid={Boolean(problem)} />
        ) : (
          <ChoiceList kind={question.kind} name={name} choices={question.choices} sent={sent} required={question.required} invalid={Boolean(problem)} />
        )}
      </div>
    </fieldset>
  );
}

function SendButton() {
  const t = useTranslations('survey');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        // A second press while the first is on its way would be refused as "already answered".
        if (pending) event.preventDefault();
      }}
      className="flex min-h-13 w-full items-center justify-center gap-2 rounded-xl bg-accent px-5 text-base font-semibold text-accent-fg shadow-card transition-colors hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent aria-disabled:cursor-wait aria-disabled:opacity-70"
    >
      {pending ? <SpinnerIcon className="size-5" /> : null}
      {pending ? t('submitting') : t('submit')}
    </button>
  );
}
