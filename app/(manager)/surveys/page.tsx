// Surveys, before the survey list exists: says what will be listed here and offers
// the survey builder.
import type { Metadata, Route } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireManager } from '@/lib/auth/session';
import { ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { ClipboardIcon, PlusIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections.surveys');
  return { title: t('title') };
}

export default async function SurveysPage() {
  await requireManager();
  const t = await getTranslations('sections');
  return (
    <>
      <PageHeader title={t('surveys.title')} description={t('surveys.description')} />
      <EmptyState
        icon={<ClipboardIcon />}
        title={t('surveys.emptyTitle')}
        body={t('surveys.emptyBody')}
        action={
          // The builder (CONTRACT: /surveys/new) is built by the surveys feature.
          <ButtonLink href={'/surveys/new' as Route} variant="primary" icon={<PlusIcon />}>
            {t('surveys.action')}
          </ButtonLink>
        }
        highlights={{
          label: t('whatYouWillSee'),
          items: (['singleChoice', 'multipleChoice', 'rating', 'nps', 'freeText'] as const).map((kind) =>
            t(`surveys.highlights.${kind}`),
          ),
        }}
      />
    </>
  );
}
