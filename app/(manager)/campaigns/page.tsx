// Campaigns overview: the cards over the last and next 30 days and the month's credits,
// then every campaign with its results, searchable, filterable, sortable and paged
// through the URL alone. An account without campaigns gets the empty state that leads
// to the composer.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { MegaphoneIcon, PlusIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Pagination } from '@/app/_components/ui/pagination';
import { requireManager } from '@/lib/auth/session';
import { campaignsHref, parseCampaignListParams, withoutFilters } from '@/lib/campaigns/list-params';
import { countCampaigns, listCampaigns, overviewCards } from '@/lib/campaigns/overview';
import { getFormat } from '@/lib/format/server';
import { OverviewCards } from './_components/overview-cards';
import { OverviewFilters } from './_components/overview-filters';
import { OverviewTable } from './_components/overview-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections.campaigns');
  return { title: t('title') };
}

export default async function CampaignsPage({ searchParams }: PageProps<'/campaigns'>) {
  const { ctx, account } = await requireManager();
  const params = parseCampaignListParams(await searchParams);
  const format = await getFormat();
  const now = format.settings.now;
  const plan = {
    accountId: account.id,
    timeZone: account.timeZone,
    monthlyCredits: account.monthlyCredits,
    overagePricePerCredit: account.overagePricePerCredit,
  };
  const [t, sections, metric, cards, counts, listed] = await Promise.all([
    getTranslations('campaignsOverview'),
    getTranslations('sections'),
    getTranslations('common.metrics'),
    overviewCards(ctx, plan, now),
    countCampaigns(ctx, params),
    listCampaigns(ctx, plan, params, now),
  ]);
  // A cursor past the end (the campaigns after it were deleted) shows the first page, not "no match".
  const page =
    listed.rows.length === 0 && params.cursor && counts.matching > 0
      ? await listCampaigns(ctx, plan, { ...params, cursor: null }, now)
      : listed;

  const newCampaign = (
    <ButtonLink href="/campaigns/new" variant="primary" icon={<PlusIcon />}>
      {t('newCampaign')}
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        title={sections('campaigns.title')}
        description={sections('campaigns.description')}
        actions={counts.all > 0 ? newCampaign : undefined}
      />
      <OverviewCards cards={cards} format={format} />

      {counts.all === 0 ? (
        <EmptyState
          icon={<MegaphoneIcon />}
          title={sections('campaigns.emptyTitle')}
          body={sections('campaigns.emptyBody')}
          action={newCampaign}
          highlights={{
            label: sections('whatYouWillSee'),
            items: [metric('delivered'), metric('replies'), metric('optOuts'), metric('linkClicks'), metric('surveyResponses')],
          }}
        />
      ) : (
        <section aria-labelledby="campaign-list-title">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="campaign-list-title" className="text-lg font-semibold text-fg">
              {t('table.caption')}
            </h2>
            <p className="text-sm text-fg-muted tabular-nums">{t('table.total', { count: counts.matching })}</p>
          </div>
          <OverviewFilters params={params} />
          {page.rows.length === 0 ? (
            <EmptyState
              icon={<MegaphoneIcon />}
              title={t('noMatch.title')}
              body={t('noMatch.body')}
              action={
                <ButtonLink href={withoutFilters(params)} variant="secondary">
                  {t('noMatch.clear')}
                </ButtonLink>
              }
            />
          ) : (
            <>
              <OverviewTable rows={page.rows} params={params} format={format} unlimited={account.monthlyCredits === null} />
              <Pagination
                previousHref={page.previous ? campaignsHref({ ...params, cursor: page.previous }) : null}
                nextHref={page.next ? campaignsHref({ ...params, cursor: page.next }) : null}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}
