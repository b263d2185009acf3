// Contacts, before the contact list exists: says what will be listed here. The CSV
// import will be a form on this page (CONTRACT), so its button is shown, disabled.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireManager } from '@/lib/auth/session';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { UploadIcon, UsersIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections.contacts');
  return { title: t('title') };
}

export default async function ContactsPage() {
  await requireManager();
  const [t, common] = await Promise.all([getTranslations('sections'), getTranslations('common')]);
  return (
    <>
      <PageHeader title={t('contacts.title')} description={t('contacts.description')} />
      <EmptyState
        icon={<UsersIcon />}
        title={t('contacts.emptyTitle')}
        body={t('contacts.emptyBody')}
        action={
          <span className="flex flex-wrap items-center justify-center gap-3">
            <Button variant="primary" icon={<UploadIcon />} disabled>
              {t('contacts.action')}
            </Button>
            <Badge>{common('comingSoon')}</Badge>
          </span>
        }
        highlights={{
          label: t('whatYouWillSee'),
          items: (['phone', 'tags', 'timeZone', 'optOut'] as const).map((field) => t(`contacts.highlights.${field}`)),
        }}
      />
    </>
  );
}
