// The Individual view's side panel: who answered (latest first) or who has not yet (by
// name), a page at a time, each a link that shows that recipient. The page of the list
// stays in the URL while moving between recipients.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cx } from '@/app/_components/ui/cx';
import { Pagination } from '@/app/_components/ui/pagination';
import { getFormat } from '@/lib/format/server';
import type { AwaitingRecipient, Page, Respondent, SurveyTab } from '@/lib/surveys/results';
import { RESPONDENT_LISTS, surveyTabHref, type SurveyTabState } from '@/lib/surveys/survey-params';

type Props = {
  tab: SurveyTab;
  state: SurveyTabState;
  list: Page<Respondent> | Page<AwaitingRecipient>;
  /** The recipient the card shows. */
  current: number | null;
};

export async function RecipientList({ tab, state, list, current }: Props) {
  const [t, format] = await Promise.all([getTranslations('surveyResults.individual'), getFormat()]);
  const campaignId = tab.campaign.id;
  const counts = { answered: tab.counts.responses, awaiting: Math.max(0, tab.counts.recipients - tab.counts.responses) };
  const pageHref = (cursor: string | null) => surveyTabHref(campaignId, { view: 'individual', list: state.list, recipient: state.recipient, cursor });

  return (
    <aside aria-labelledby="recipient-list-title" className="rounded-xl border border-line bg-surface shadow-card lg:sticky lg:top-20">
      <h2 id="recipient-list-title" className="sr-only">
        {t('listLabel')}
      </h2>
      <nav aria-label={t('listLabel')} className="border-b border-line p-2">
        <ul className="grid grid-cols-2 gap-1 rounded-lg bg-surface-muted p-1">
          {RESPONDENT_LISTS.map((list) => (
            <li key={list}>
              <Link
                href={surveyTabHref(campaignId, { view: 'individual', list })}
                aria-current={state.list === list ? 'page' : undefined}
                className={cx(
                  'flex h-8 items-center justify-center rounded-md px-2 text-sm font-medium whitespace-nowrap tabular-nums transition-colors',
                  state.list === list ? 'bg-surface text-fg shadow-card' : 'text-fg-muted hover:text-fg',
                )}
              >
                {t(list === 'answered' ? 'answeredCount' : 'awaitingCount', { count: counts[list] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-fg-muted">{t(state.list === 'answered' ? 'noRespondents' : 'noneAwaiting')}</p>
      ) : (
        <ul className="py-1 lg:max-h-[32rem] lg:overflow-y-auto">
          {list.rows.map((row) => {
            const isCurrent = row.contactId === current;
            // Names repeat in real audiences; the phone number tells two Ana Souzas apart.
            const detail = [
              row.name ? format.phone(row.phone) : null,
              'submittedAt' in row ? format.dateTime(row.submittedAt) : row.viewedAt ? t('viewedAt', { time: format.dateTime(row.viewedAt) }) : t('notViewed'),
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={row.contactId}>
                <Link
                  href={surveyTabHref(campaignId, { view: 'individual', list: state.list, cursor: state.cursor, recipient: row.contactId })}
                  aria-current={isCurrent ? 'true' : undefined}
                  data-recipient={row.contactId}
                  className={cx(
                    'flex flex-col gap-0.5 border-l-2 px-4 py-2.5 transition-colors',
                    isCurrent ? 'border-accent bg-accent-soft' : 'border-transparent hover:bg-surface-hover',
                  )}
                >
                  <span className={cx('truncate text-sm font-medium', isCurrent ? 'text-accent-text' : 'text-fg')}>{row.name || format.phone(row.phone)}</span>
                  <span className="truncate text-xs text-fg-subtle">{detail}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {list.newer || list.older ? (
        <div className="border-t border-line px-3 pb-3">
          <Pagination previousHref={list.newer ? pageHref(list.newer) : null} nextHref={list.older ? pageHref(list.older) : null} />
        </div>
      ) : null}
    </aside>
  );
}
