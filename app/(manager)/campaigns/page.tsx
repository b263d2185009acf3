// Campaigns, before the campaign list exists: says what will be listed here and
// offers the composer.
import type { Metadata, Route } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireManager } from '@/lib/auth/session';
import { ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { MegaphoneIcon, PlusIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections.campaigns');
  return { title: t('title') };
}

export default async function CampaignsPage() {
  await requireManager();
  const [t, metric] = await Promise.all([getTranslations('sections'), getTranslations('common.metrics')]);
  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} />
      <EmptyState
        icon={<MegaphoneIcon />}
        title={t('campaigns.emptyTitle')}
        body={t('campaigns.emptyBody')}
        action={
          // The composer (CONTRACT: /campaigns/new) is built by the campaigns feature.
          <ButtonLink href={'/campaigns/new' as Route} variant="primary" icon={<PlusIcon />}>
            {t('campaigns.action')}
          </ButtonLink>
        }
        highlights={{
          label: t('whatYouWillSee'),
          items: [metric('delivered'), metric('replies'), metric('optOuts'), metric('linkClicks'), metric('surveyResponses')],
        }}
      />
    </>
  );
}
