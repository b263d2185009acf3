// One question's results, by kind: choice shares with bars, the average rating and its
// distribution, the NPS with promoters/passives/detractors and the 0–10 spread, and the
// latest written answers. Bars are CSS (no script); the numbers beside them are the data.
import Link from 'next/link';
import type { Route } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { cx } from '@/app/_components/ui/cx';
import { Pagination } from '@/app/_components/ui/pagination';
import { getFormat } from '@/lib/format/server';
import { cachedNumberFormat } from '@/lib/format/intl-cache';
import { rateAttribute, rateInTenthsOfPercent } from '@/lib/format/numbers';
import type { QuestionSummary } from '@/lib/surveys/results';
import { surveyTabHref } from '@/lib/surveys/survey-params';

type Of<K extends QuestionSummary['kind']> = Extract<QuestionSummary, { kind: K }>;

/** A horizontal bar whose length is count ÷ total. */
function ShareBar({ count, total, tone = 'bg-accent' }: { count: number; total: number; tone?: string }) {
  return (
    <span aria-hidden="true" className="block h-2 w-full overflow-hidden rounded-full bg-surface-muted">
      <span className={cx('block h-full rounded-full', tone)} style={{ width: `${rateInTenthsOfPercent(count, total) / 10}%` }} />
    </span>
  );
}

export async function ChoiceResults({ result, number }: { result: Of<'single_choice' | 'multiple_choice'>; number: number }) {
  const [t, format] = await Promise.all([getTranslations('surveyResults.question'), getFormat()]);
  const top = Math.max(...result.tallies.map((tally) => tally.count));
  return (
    <div>
      <ul aria-label={t('tableCaption', { number })} className="space-y-3.5">
        {result.tallies.map((tally) => (
          <li key={tally.choice} data-choice={tally.choice} data-count={tally.count} data-rate={rateAttribute(tally.count, result.answered)}>
            <div className="mb-1.5 flex items-baseline justify-between gap-4 text-sm">
              <span className={cx('min-w-0 text-pretty', tally.count === top && tally.count > 0 ? 'font-medium text-fg' : 'text-fg')}>
                {tally.choice}
                {tally.offered ? null : <span className="ml-1.5 text-xs text-fg-subtle">({t('notOffered')})</span>}
              </span>
              <span className="shrink-0 tabular-nums">
                <span className="font-medium text-fg">{format.count(tally.count)}</span>
                <span className="ml-2 inline-block w-14 text-right text-fg-muted">{format.rate(tally.count, result.answered)}</span>
              </span>
            </div>
            <ShareBar count={tally.count} total={result.answered} tone={tally.count === top ? 'bg-accent' : 'bg-accent/55'} />
          </li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-fg-subtle">
        {result.kind === 'multiple_choice' ? `${t('multipleNote')} ` : null}
        {t('shareOfAnswered', { count: result.answered })}
      </p>
    </div>
  );
}

export async function RatingResults({ result }: { result: Of<'rating'> }) {
  const [t, format, locale] = await Promise.all([getTranslations('surveyResults.rating'), getFormat(), getLocale()]);
  const oneDecimal = cachedNumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const scores = [5, 4, 3, 2, 1];
  return (
    <div className="grid gap-6 sm:grid-cols-[12rem_1fr] sm:gap-8">
      <div data-metric="rating_average" data-value={result.average?.toFixed(1)}>
        <p className="text-sm text-fg-muted">{t('average')}</p>
        <p className="mt-1 flex items-baseline gap-2">
          <span className="text-4xl font-semibold tracking-tight text-fg tabular-nums">{result.average === null ? '—' : oneDecimal.format(result.average)}</span>
          <span className="text-sm text-fg-muted">{t('outOf')}</span>
        </p>
        <Stars value={result.average ?? 0} />
      </div>
      <ul className="space-y-2.5">
        {scores.map((score) => {
          const count = result.distribution[score - 1] ?? 0;
          return (
            <li key={score} data-score={score} data-count={count} className="grid grid-cols-[4.5rem_1fr_auto] items-center gap-3 text-sm">
              <span className="text-fg-muted">{t('stars', { score })}</span>
              <ShareBar count={count} total={result.answered} tone="bg-pending" />
              <span className="w-24 text-right tabular-nums">
                <span className="font-medium text-fg">{format.count(count)}</span>
                <span className="ml-2 text-fg-muted">{format.rate(count, result.answered)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Five stars filled up to the average (to the tenth), as a picture of the number beside it. */
function Stars({ value }: { value: number }) {
  const path = 'm12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z';
  return (
    <span aria-hidden="true" className="relative mt-2 inline-flex">
      <span className="flex text-line-strong">
        {[0, 1, 2, 3, 4].map((i) => (
          <svg key={i} viewBox="0 0 24 24" className="size-5" fill="currentColor">
            <path d={path} />
          </svg>
        ))}
      </span>
      <span className="absolute inset-y-0 left-0 flex overflow-hidden text-pending" style={{ width: `${(value / 5) * 100}%` }}>
        {[0, 1, 2, 3, 4].map((i) => (
          <svg key={i} viewBox="0 0 24 24" className="size-5 shrink-0" fill="currentColor">
            <path d={path} />
          </svg>
        ))}
      </span>
    </span>
  );
}

export async function NpsResults({ result }: { result: Of<'nps'> }) {
  const [t, format, locale] = await Promise.all([getTranslations('surveyResults.nps'), getFormat(), getLocale()]);
  const signed = cachedNumberFormat(locale, { signDisplay: 'exceptZero' });
  const groups = [
    { key: 'detractors', range: t('detractorsRange'), count: result.detractors, tone: 'bg-failed' },
    { key: 'passives', range: t('passivesRange'), count: result.passives, tone: 'bg-pending' },
    { key: 'promoters', range: t('promotersRange'), count: result.promoters, tone: 'bg-delivered' },
  ] as const;
  const tallest = Math.max(1, ...result.distribution);
  return (
    <div className="space-y-6">
      <div className="grid gap-6 sm:grid-cols-[12rem_1fr] sm:gap-8">
        <div data-metric="nps" data-value={result.score ?? ''}>
          <p className="text-sm text-fg-muted">{t('score')}</p>
          <p className="mt-1 text-4xl font-semibold tracking-tight text-fg tabular-nums">{result.score === null ? '—' : signed.format(result.score)}</p>
          <p className="mt-1 text-xs text-fg-subtle">
            {t('formula')} · {t('scale')}
          </p>
        </div>
        <div className="flex flex-col justify-center gap-3">
          <div aria-hidden="true" className="flex h-3 w-full gap-0.5 overflow-hidden rounded-full bg-surface-muted">
            {groups.map((g) =>
              g.count > 0 ? (
                <span key={g.key} className={cx('h-full first:rounded-l-full last:rounded-r-full', g.tone)} style={{ width: `${rateInTenthsOfPercent(g.count, result.answered) / 10}%` }} />
              ) : null,
            )}
          </div>
          <ul className="grid grid-cols-3 gap-3 text-sm">
            {groups.map((g) => (
              <li key={g.key} data-group={g.key} data-count={g.count}>
                <p className="flex items-center gap-1.5 text-fg-muted">
                  <span aria-hidden="true" className={cx('size-2 shrink-0 rounded-full', g.tone)} />
                  <span className="truncate">{t(g.key)}</span>
                  <span className="hidden text-xs text-fg-subtle sm:inline">{g.range}</span>
                </p>
                <p className="mt-0.5 tabular-nums">
                  <span className="font-semibold text-fg">{format.count(g.count)}</span>
                  <span className="ml-1.5 text-fg-muted">{format.rate(g.count, result.answered)}</span>
                </p>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <figure>
        <figcaption className="mb-2 text-xs font-medium text-fg-subtle">{t('distribution')}</figcaption>
        <ol className="grid grid-cols-11 items-end gap-1 sm:gap-2">
          {result.distribution.map((count, score) => (
            <li key={score} data-score={score} data-count={count} className="flex flex-col items-center gap-1">
              <span className="text-[11px] text-fg-muted tabular-nums">{format.count(count)}</span>
              <span aria-hidden="true" className="flex h-20 w-full items-end border-b border-line-strong">
                <span
                  className={cx('block min-h-px w-full rounded-t-md', score <= 6 ? 'bg-failed/80' : score <= 8 ? 'bg-pending/90' : 'bg-delivered/90')}
                  style={{ height: `${Math.round((count / tallest) * 100)}%` }}
                />
              </span>
              <span className="text-xs font-medium text-fg tabular-nums">
                <span className="sr-only">{t('scoreLabel', { score })}: </span>
                <span aria-hidden="true">{score}</span>
              </span>
            </li>
          ))}
        </ol>
      </figure>
    </div>
  );
}

export async function TextResults({ result, campaignId, questionId }: { result: Of<'free_text'>; campaignId: number; questionId: number }) {
  const [t, format] = await Promise.all([getTranslations('surveyResults'), getFormat()]);
  const page = result.answers;
  // Paging lands back on this question, not at the top of the page.
  const pageHref = (cursor: string) => `${surveyTabHref(campaignId, { question: questionId, cursor })}#question-${questionId}` as Route;
  return (
    <div>
      <ul className="divide-y divide-line">
        {page.rows.map((answer) => (
          <li key={answer.answerId} className="py-3 first:pt-0 last:pb-0">
            <p className="text-sm leading-relaxed text-fg text-pretty whitespace-pre-line break-words">{answer.text}</p>
            <p className="mt-1.5 flex flex-wrap items-center gap-x-2 text-xs text-fg-subtle">
              <Link
                href={surveyTabHref(campaignId, { view: 'individual', recipient: answer.contactId })}
                className="font-medium text-fg-muted hover:text-fg hover:underline"
                title={t('text.respondentLink', { name: answer.name || format.phone(answer.phone) })}
              >
                {answer.name || format.phone(answer.phone)}
              </Link>
              <span aria-hidden="true">·</span>
              <time dateTime={answer.at.toISOString()}>{format.dateTime(answer.at)}</time>
            </p>
          </li>
        ))}
      </ul>
      {page.newer || page.older ? (
        <Pagination
          previousHref={page.newer ? pageHref(page.newer) : null}
          nextHref={page.older ? pageHref(page.older) : null}
          summary={t('question.answered', { count: result.answered })}
        />
      ) : null}
    </div>
  );
}
