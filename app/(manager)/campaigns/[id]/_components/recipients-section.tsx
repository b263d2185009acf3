// The recipients part of the Campaign tab: how many match, the CSV of exactly that,
// the filter form (GET, so every view is a URL), and the selection form around the
// table whose buttons resend or start a follow-up (POST, through the manager action).
import Form from 'next/form';
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { Input, Select } from '@/app/_components/ui/form';
import { Pagination } from '@/app/_components/ui/pagination';
import type { FormState } from '@/lib/auth/action';
import type { RecipientCount, RecipientsPage } from '@/lib/campaigns/recipients';
import {
  DEFAULT_VIEW,
  isFiltered,
  RECIPIENT_FLAGS,
  RECIPIENT_STATUS_FILTERS,
  recipientsCsvHref,
  recipientsHref,
  viewQuery,
  type RecipientView,
} from '@/lib/campaigns/recipient-params';
import type { Formatter } from '@/lib/format';
import { ActionForm } from './action-form';
import { RecipientsTable } from './recipients-table';
import { SelectAll } from './select-all';

type RecipientsSectionProps = {
  campaignId: number;
  view: RecipientView;
  page: RecipientsPage;
  count: RecipientCount;
  failed: number;
  hasSurvey: boolean;
  started: boolean;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  format: Formatter;
};

export function RecipientsSection({ campaignId, view, page, count, failed, hasSurvey, started, action, format }: RecipientsSectionProps) {
  const t = useTranslations('campaign.recipients');
  const filtered = isFiltered(view);
  const summary = count.exact ? t('match', { count: count.count }) : t('matchMoreThan', { count: count.count });
  const flags = RECIPIENT_FLAGS.filter((flag) => flag !== 'responded' || hasSurvey);
  // Before the launch there is nobody to filter, export or select yet.
  if (!started && page.rows.length === 0 && !filtered) {
    return (
      <section id="recipients" aria-labelledby="recipients-title" className="mt-10 scroll-mt-20">
        <h2 id="recipients-title" className="mb-4 text-lg font-semibold text-fg">
          {t('title')}
        </h2>
        <EmptyRecipients started={false} filtered={false} clearHref={recipientsHref(campaignId, DEFAULT_VIEW)} />
      </section>
    );
  }

  return (
    <section id="recipients" aria-labelledby="recipients-title" className="mt-10 scroll-mt-20">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="recipients-title" className="text-lg font-semibold text-fg">
            {t('title')}
          </h2>
          <p className="text-sm text-fg-muted tabular-nums" data-recipients-match={count.count} data-exact={count.exact ? '1' : '0'}>
            {summary}
          </p>
        </div>
        {/* A download, not a page: a plain link so nothing prefetches it. */}
        <a
          href={recipientsCsvHref(campaignId, view)}
          download
          className="inline-flex h-9 items-center gap-2 rounded-lg border border-line-strong bg-surface px-3.5 text-sm font-medium text-fg shadow-card hover:bg-surface-hover"
          title={t('exportHint')}
        >
          <DownloadIcon />
          {t('exportCsv')}
        </a>
      </div>

      <Form
        action={`/campaigns/${campaignId}#recipients` as Route}
        scroll={false}
        role="search"
        aria-label={t('filters.label')}
        className="mb-4 flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 shadow-card sm:p-4 lg:flex-row lg:flex-wrap lg:items-end"
      >
        <div className="flex flex-col gap-1.5 lg:w-64">
          <label htmlFor="recipients-q" className="text-xs font-medium text-fg-muted">
            {t('filters.search')}
          </label>
          <Input id="recipients-q" name="q" type="search" defaultValue={view.q} placeholder={t('filters.searchPlaceholder')} maxLength={100} />
        </div>
        <div className="flex flex-col gap-1.5 lg:w-44">
          <label htmlFor="recipients-status" className="text-xs font-medium text-fg-muted">
            {t('filters.status')}
          </label>
          <Select id="recipients-status" name="status" defaultValue={view.status ?? ''}>
            <option value="">{t('filters.anyStatus')}</option>
            {RECIPIENT_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 lg:h-9">
          <legend className="sr-only">{t('filters.label')}</legend>
          {flags.map((flag) => (
            <label key={flag} className="flex items-center gap-2 text-sm text-fg">
              <input type="checkbox" name={flag} value="1" defaultChecked={view.flags[flag]} className="size-4 rounded border-line-strong accent-accent" />
              {t(`filters.${flag}`)}
            </label>
          ))}
        </fieldset>
        {view.sort !== DEFAULT_VIEW.sort ? <input type="hidden" name="sort" value={view.sort} /> : null}
        {view.dir !== DEFAULT_VIEW.dir ? <input type="hidden" name="dir" value={view.dir} /> : null}
        <div className="flex items-center gap-2 lg:ml-auto">
          <Button type="submit" variant="secondary">
            {t('filters.apply')}
          </Button>
          {filtered ? (
            <ButtonLink href={recipientsHref(campaignId, { ...DEFAULT_VIEW, sort: view.sort, dir: view.dir })} variant="ghost">
              {t('filters.clear')}
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {page.rows.length === 0 ? (
        <EmptyRecipients started={started} filtered={filtered} clearHref={recipientsHref(campaignId, DEFAULT_VIEW)} />
      ) : (
        <ActionForm action={action}>
          <input type="hidden" name="view" value={viewQuery(view)} />
          <div role="group" aria-label={t('actions.label')} className="mb-3 flex flex-wrap items-center gap-2">
            <SelectAll label={t('actions.selectAll')} />
            <p className="hidden text-sm text-fg-subtle lg:block">{t('actions.hint')}</p>
            <div className="flex flex-wrap gap-2 sm:ml-auto">
              <Button type="submit" name="intent" value="follow_up" variant="secondary" size="sm">
                {t('actions.followUp')}
              </Button>
              <Button type="submit" name="intent" value="resend" variant="secondary" size="sm">
                {t('actions.resend')}
              </Button>
              {failed > 0 ? (
                <Button type="submit" name="intent" value="resend_failed" variant="primary" size="sm">
                  {t('actions.resendFailed', { count: failed })}
                </Button>
              ) : null}
            </div>
          </div>
          <RecipientsTable campaignId={campaignId} view={view} rows={page.rows} hasSurvey={hasSurvey} format={format} />
          <Pagination
            previousHref={page.previous ? recipientsHref(campaignId, view, { cursor: page.previous }) : null}
            nextHref={page.next ? recipientsHref(campaignId, view, { cursor: page.next }) : null}
            summary={summary}
          />
        </ActionForm>
      )}
    </section>
  );
}

function EmptyRecipients({ started, filtered, clearHref }: { started: boolean; filtered: boolean; clearHref: Route }) {
  const t = useTranslations('campaign.recipients');
  return (
    <div className="rounded-xl border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <p className="text-sm text-fg-muted">{filtered ? t('empty') : started ? t('empty') : t('notStarted')}</p>
      {filtered ? (
        <div className="mt-4">
          <ButtonLink href={clearHref} variant="secondary" size="sm">
            {t('emptyClear')}
          </ButtonLink>
        </div>
      ) : null}
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-4">
      <path d="M10 3v9m0 0 3.5-3.5M10 12 6.5 8.5M4 14.5V16h12v-1.5" />
    </svg>
  );
}
