// /campaigns/new — the campaign composer. `?from=ID&recipient=…` arrives from another
// campaign's recipients table with a selection for a follow-up; another account's
// campaign is a 404, and picked contacts who are not its recipients are left out.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { randomUUID } from 'node:crypto';
import { Alert } from '@/app/_components/ui/alert';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireManager } from '@/lib/auth/session';
import { loadComposerOptions, loadSelection, type Selection } from '@/lib/campaigns/compose';
import { COMPOSER_LIMITS, localTimeInputValue, sampleLinks } from '@/lib/campaigns/compose-schema';
import { publicUrl } from '@/lib/config';
import { NotFoundError } from '@/lib/errors';
import { getFormat } from '@/lib/format/server';
import { addDays, DAY, firstInstantAtOrAfterWallClock, localDateOf } from '@/lib/time/zone';
import { ComposerForm } from './_components/composer-form';
import type { ComposerState } from './_components/composer-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('composer');
  return { title: t('title') };
}

const ID = /^[1-9]\d{0,15}$/;
const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const idOf = (value: string | undefined) => (value !== undefined && ID.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null);

export default async function NewCampaignPage({ searchParams }: PageProps<'/campaigns/new'>) {
  const { account, ctx } = await requireManager();
  const params = await searchParams;
  const sourceId = idOf(listOf(params.from)[0]);
  const picked = listOf(params.recipient)
    .map(idOf)
    .filter((id): id is number => id !== null)
    .slice(0, COMPOSER_LIMITS.recipients);

  let selection: Selection | null = null;
  try {
    selection = sourceId === null ? null : await loadSelection(ctx, sourceId, picked);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  if (sourceId !== null && selection === null) notFound();

  const [t, format, options] = await Promise.all([getTranslations('composer'), getFormat(), loadComposerOptions(ctx)]);
  const now = new Date();
  const zone = format.timeZone();
  const zoneLabel = `${zone.name} (${zone.abbreviation})`;
  // Tomorrow at 10:00 on the account's clock: a sensible first suggestion for a scheduled send.
  const tomorrowAtTen = new Date(firstInstantAtOrAfterWallClock(addDays(localDateOf(now, account.timeZone), 1), 10 * 60 * 60_000, account.timeZone));
  const hasSelection = selection !== null && selection.contactIds.length > 0;

  const initialState: ComposerState = {
    ok: false,
    round: randomUUID(),
    values: {
      name: selection ? t('followUpName', { campaign: selection.campaign.name }).slice(0, COMPOSER_LIMITS.name) : '',
      from: options.numbers[0]?.e164 ?? '',
      body: '',
      audience: hasSelection ? `campaign:${selection!.campaign.id}` : 'all',
      recipient: hasSelection ? selection!.contactIds.map(String) : [],
      survey: '',
      when: 'now',
      scheduled_at: localTimeInputValue(tomorrowAtTen, account.timeZone),
    },
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {selection && selection.ignored > 0 ? (
        <div className="mb-6">
          <Alert tone="warning">{t('selectionIgnored', { count: selection.ignored, campaign: selection.campaign.name })}</Alert>
        </div>
      ) : null}
      {selection && !hasSelection ? (
        <div className="mb-6">
          <Alert tone="info">{t('selectionEmpty', { campaign: selection.campaign.name })}</Alert>
        </div>
      ) : null}
      <ComposerForm
        initialState={initialState}
        choices={{
          numbers: options.numbers.map((n) => ({ value: n.e164, label: n.label ? `${format.phone(n.e164)} · ${n.label}` : format.phone(n.e164) })),
          surveys: options.surveys,
          tags: options.tags,
          contacts: options.contacts,
          selection: hasSelection ? { campaignId: selection!.campaign.id, campaignName: selection!.campaign.name, count: selection!.contactIds.length } : null,
        }}
        account={{ timeZone: account.timeZone, zoneLabel, currency: account.currency }}
        links={sampleLinks(publicUrl())}
        schedule={{ min: localTimeInputValue(now, account.timeZone), max: localTimeInputValue(new Date(now.getTime() + 365 * DAY), account.timeZone) }}
        limits={{ name: COMPOSER_LIMITS.name }}
      />
    </>
  );
}
