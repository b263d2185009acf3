// The Individual view: one recipient's answers at a time (the latest respondent unless
// the URL names one), links to the respondents before and after them, and a paged list
// of who answered and who has not yet, to jump to anyone.
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { ChevronLeftIcon, ChevronRightIcon } from '@/app/_components/ui/icons';
import { publicUrl } from '@/lib/config';
import type { Ctx } from '@/lib/context';
import { getFormat } from '@/lib/format/server';
import {
  awaitingPage,
  latestRespondent,
  recipientSurvey,
  respondentsPage,
  type RecipientAnswer,
  type RecipientSurvey,
  type SurveyTab,
} from '@/lib/surveys/results';
import type { SurveyQuestion } from '@/lib/surveys/responses';
import { surveyTabHref, type SurveyTabState } from '@/lib/surveys/survey-params';
import { RecipientList } from './recipient-list';

export async function IndividualView({ ctx, tab, state }: { ctx: Ctx; tab: SurveyTab; state: SurveyTabState }) {
  const t = await getTranslations('surveyResults.individual');
  const [named, list] = await Promise.all([
    state.recipient === null ? null : recipientSurvey(ctx, tab, state.recipient),
    state.list === 'answered' ? respondentsPage(ctx, tab, state.cursor) : awaitingPage(ctx, tab, state.cursor),
  ]);
  const unknownRecipient = state.recipient !== null && named === null;
  let shown = named;
  if (!shown) {
    const latest = await latestRespondent(ctx, tab);
    shown = latest === null ? null : await recipientSurvey(ctx, tab, latest);
  }

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-6">
      <div className="min-w-0 space-y-4">
        {unknownRecipient ? <Alert tone="warning">{t('unknownRecipient')}</Alert> : null}
        {shown ? (
          <RecipientCard tab={tab} recipient={shown} state={state} />
        ) : (
          <div className="rounded-xl border border-dashed border-line-strong bg-surface px-5 py-10 text-center text-sm text-fg-muted">{t('noRespondents')}</div>
        )}
      </div>
      <RecipientList tab={tab} state={state} list={list} current={shown?.contactId ?? null} />
    </div>
  );
}

async function RecipientCard({ tab, recipient, state }: { tab: SurveyTab; recipient: RecipientSurvey; state: SurveyTabState }) {
  const [t, format] = await Promise.all([getTranslations('surveyResults'), getFormat()]);
  const name = recipient.name || format.phone(recipient.phone);
  // Moving between respondents keeps the list panel where it was.
  const neighbourHref = (contactId: number) => surveyTabHref(tab.campaign.id, { ...state, view: 'individual', recipient: contactId });

  return (
    <article aria-labelledby="respondent-name" data-recipient={recipient.contactId} className="rounded-xl border border-line bg-surface shadow-card">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-4 sm:px-5">
        <div className="min-w-0">
          <h2 id="respondent-name" className="truncate text-lg font-semibold text-fg">
            {name}
          </h2>
          <p className="mt-0.5 flex flex-wrap gap-x-3 text-sm text-fg-muted">
            {recipient.name ? <span className="tabular-nums">{format.phone(recipient.phone)}</span> : null}
            {recipient.submittedAt ? <span>{t('individual.answeredAt', { time: format.dateTime(recipient.submittedAt) })}</span> : null}
          </p>
        </div>
        {recipient.submittedAt ? (
          <nav aria-label={t('individual.position')} className="flex items-center gap-2">
            <NeighbourLink href={recipient.newer === null ? null : neighbourHref(recipient.newer)} label={t('individual.newer')} direction="newer" />
            <NeighbourLink href={recipient.older === null ? null : neighbourHref(recipient.older)} label={t('individual.older')} direction="older" />
          </nav>
        ) : null}
      </header>

      {recipient.submittedAt ? (
        <dl className="divide-y divide-line">
          {tab.questions.map((question, index) => (
            <div key={question.id} className="grid gap-1.5 px-4 py-4 sm:grid-cols-[minmax(0,16rem)_1fr] sm:gap-6 sm:px-5">
              <dt className="text-sm text-fg-muted">
                <span className="mr-1.5 text-fg-subtle tabular-nums">{index + 1}.</span>
                {question.prompt}
              </dt>
              <dd className="min-w-0 text-sm text-fg">
                <AnswerValue question={question} answer={recipient.answers.get(question.id)} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <div className="space-y-4 px-4 py-5 sm:px-5">
          <div>
            <p className="text-sm font-semibold text-fg">{t('individual.notAnsweredTitle')}</p>
            <p className="mt-0.5 text-sm text-fg-muted">
              {recipient.viewedAt
                ? t('individual.notAnsweredViewed', { time: format.dateTime(recipient.viewedAt) })
                : t('individual.notAnsweredNotViewed')}
            </p>
          </div>
          {recipient.token ? (
            <div className="rounded-lg border border-line bg-surface-muted p-4">
              <p className="text-sm font-medium text-fg">{t('individual.linkTitle')}</p>
              <p className="mt-1 text-sm text-fg-muted text-pretty">{t('individual.linkBody', { name })}</p>
              <p className="mt-3 flex flex-wrap items-center gap-3">
                {/* The address the recipient was texted (PUBLIC_URL), ready to copy. */}
                <code className="rounded-md border border-line bg-surface px-2 py-1 text-xs break-all text-fg">{`${publicUrl()}/s/${recipient.token}`}</code>
                {/* A plain link: the router would prefetch it, and every fetch of a survey counts as a view. */}
                <a href={`/s/${recipient.token}`} target="_blank" rel="noopener noreferrer" data-survey-link className="text-sm font-medium text-accent-text hover:underline">
                  {t('individual.linkOpen')}
                </a>
              </p>
            </div>
          ) : (
            <p className="text-sm text-fg-muted">{t('individual.noLink')}</p>
          )}
        </div>
      )}
    </article>
  );
}

function NeighbourLink({ href, label, direction }: { href: ReturnType<typeof surveyTabHref> | null; label: string; direction: 'newer' | 'older' }) {
  const Icon = direction === 'newer' ? ChevronLeftIcon : ChevronRightIcon;
  if (!href) {
    return (
      <span aria-disabled="true" title={label} className="inline-flex size-8 items-center justify-center rounded-lg border border-line text-fg-subtle opacity-50">
        <Icon className="size-4" />
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  return (
    <ButtonLink href={href} variant="secondary" size="sm" className="w-8 px-0" icon={<Icon />}>
      <span className="sr-only">{label}</span>
    </ButtonLink>
  );
}

async function AnswerValue({ question, answer }: { question: SurveyQuestion; answer: RecipientAnswer | undefined }) {
  const t = await getTranslations('surveyResults.individual');
  if (!answer) return <span className="text-fg-subtle">{t('noAnswer')}</span>;
  switch (question.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return (
        <ul className="flex flex-wrap gap-1.5">
          {(answer.choices ?? []).map((choice) => (
            <li key={choice} className="rounded-md bg-accent-soft px-2 py-0.5 text-accent-text">
              {choice}
            </li>
          ))}
        </ul>
      );
    case 'rating':
      return (
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="tracking-wider text-pending">
            {'★'.repeat(answer.score ?? 0)}
            <span className="text-line-strong">{'★'.repeat(5 - (answer.score ?? 0))}</span>
          </span>
          <span className="tabular-nums">{t('ratingValue', { score: answer.score ?? 0 })}</span>
        </span>
      );
    case 'nps': {
      const score = answer.score ?? 0;
      const [label, tone] = score >= 9 ? (['npsPromoter', 'success'] as const) : score >= 7 ? (['npsPassive', 'warning'] as const) : (['npsDetractor', 'danger'] as const);
      return (
        <span className="inline-flex items-center gap-2">
          <span className="text-base font-semibold tabular-nums">{score}</span>
          <Badge tone={tone}>{t(label)}</Badge>
        </span>
      );
    }
    case 'free_text':
      return <p className="leading-relaxed text-pretty whitespace-pre-line break-words">{answer.text}</p>;
  }
}
