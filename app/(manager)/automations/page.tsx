// Automations, before the automation list exists: says what will be listed here and
// offers the workflow editor.
import type { Metadata, Route } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireManager } from '@/lib/auth/session';
import { ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { BoltIcon, PlusIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections.automations');
  return { title: t('title') };
}

export default async function AutomationsPage() {
  await requireManager();
  const [t, metric] = await Promise.all([getTranslations('sections'), getTranslations('common.metrics')]);
  return (
    <>
      <PageHeader title={t('automations.title')} description={t('automations.description')} />
      <EmptyState
        icon={<BoltIcon />}
        title={t('automations.emptyTitle')}
        body={t('automations.emptyBody')}
        action={
          // The workflow editor (CONTRACT: /automations/new) is built by the automations feature.
          <ButtonLink href={'/automations/new' as Route} variant="primary" icon={<PlusIcon />}>
            {t('automations.action')}
          </ButtonLink>
        }
        highlights={{
          label: t('whatYouWillSee'),
          items: [
            metric('executions'),
            metric('delivered'),
            metric('replies'),
            metric('optOuts'),
            t('automations.highlights.estimatedCost'),
          ],
        }}
      />
    </>
  );
}
