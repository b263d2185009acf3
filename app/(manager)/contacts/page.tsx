// Contacts (CONTRACT: /contacts with q, tag, cursor): the account's contacts, newest
// first, searchable by name or phone and filterable by tag, a page at a time; the
// CSV import form and the latest imports below.
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Input, Select } from '@/app/_components/ui/form';
import { UploadIcon, UsersIcon } from '@/app/_components/ui/icons';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Pagination } from '@/app/_components/ui/pagination';
import { Table, Td, Th } from '@/app/_components/ui/table';
import { requireManager } from '@/lib/auth/session';
import { recentImports } from '@/lib/contacts/import-queries';
import { contactsHref, parseContactListParams } from '@/lib/contacts/list-params';
import { countContacts, listContacts, tagNames, type ContactRow } from '@/lib/contacts/queries';
import type { Formatter } from '@/lib/format';
import { getFormat } from '@/lib/format/server';
import { ImportColumns, ImportForm } from './import-form';
import { RecentImports } from './recent-imports';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('contacts');
  return { title: t('title') };
}

const VISIBLE_TAGS = 3;

export default async function ContactsPage({ searchParams }: PageProps<'/contacts'>) {
  const { ctx, account } = await requireManager();
  const state = parseContactListParams(await searchParams);
  const filtered = state.q !== '' || state.tag !== null;

  const [t, format, page, total, tagOptions, imports] = await Promise.all([
    getTranslations('contacts'),
    getFormat(),
    listContacts(ctx, state, account.country),
    countContacts(ctx, state, account.country),
    tagNames(ctx),
    recentImports(ctx),
  ]);
  const unknownTag = state.tag !== null && !tagOptions.includes(state.tag);

  const importSection = (
    <section id="import" aria-labelledby="import-title" className="mt-10 grid scroll-mt-20 items-start gap-6 lg:grid-cols-3">
      <div className="flex flex-col gap-6 lg:col-span-2">
        <Card title={<span id="import-title">{t('upload.title')}</span>} description={t('upload.description')}>
          <ImportForm refusal={state.importError} />
        </Card>
        {imports.length > 0 ? <RecentImports imports={imports} /> : null}
      </div>
      <ImportColumns country={account.country} />
    </section>
  );

  if (!filtered && total.count === 0) {
    return (
      <>
        <PageHeader title={t('title')} description={t('description')} />
        <EmptyState
          icon={<UsersIcon />}
          title={t('empty.title')}
          body={t('empty.body')}
          action={
            <ButtonLink href={'/contacts#import'} variant="primary" icon={<UploadIcon />}>
              {t('upload.title')}
            </ButtonLink>
          }
        />
        {importSection}
      </>
    );
  }

  const summary = !filtered
    ? t('list.total', { count: total.count })
    : total.capped
      ? t('list.matchingCapped', { count: total.count })
      : t('list.matching', { count: total.count });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <ButtonLink href={'/contacts#import'} variant="primary" icon={<UploadIcon />}>
            {t('upload.title')}
          </ButtonLink>
        }
      />

      <form method="get" action="/contacts" role="search" aria-label={t('list.searchLabel')} className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor="contacts-q" className="text-sm font-medium text-fg">
            {t('list.queryLabel')}
          </label>
          <Input id="contacts-q" name="q" type="search" defaultValue={state.q} placeholder={t('list.searchPlaceholder')} maxLength={100} autoComplete="off" />
        </div>
        <div className="flex items-end gap-2">
          <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:w-52 sm:flex-none">
            <label htmlFor="contacts-tag" className="text-sm font-medium text-fg">
              {t('list.tagLabel')}
            </label>
            <Select id="contacts-tag" name="tag" defaultValue={state.tag ?? ''}>
              <option value="">{t('list.allTags')}</option>
              {unknownTag ? <option value={state.tag!}>{state.tag}</option> : null}
              {tagOptions.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            {t('list.search')}
          </Button>
          {filtered ? (
            <ButtonLink href={contactsHref()} variant="ghost">
              {t('list.clear')}
            </ButtonLink>
          ) : null}
        </div>
      </form>

      <p
        className="mb-3 text-sm text-fg-muted tabular-nums"
        data-metric="contacts"
        data-count={total.count}
        data-capped={total.capped || undefined}
      >
        {summary}
      </p>

      {unknownTag ? <p className="mb-3 text-sm text-warning-text">{t('list.unknownTag', { tag: state.tag! })}</p> : null}

      {page.rows.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={t('list.noMatchesTitle')}
          body={t('list.noMatchesBody')}
          action={
            <ButtonLink href={contactsHref()} variant="secondary">
              {t('list.showAll')}
            </ButtonLink>
          }
        />
      ) : (
        <>
          <Table caption={t('list.caption')}>
            <thead>
              <tr>
                <Th>{t('list.columns.name')}</Th>
                {/* On phones the number sits under the name instead. */}
                <Th className="max-md:hidden">{t('list.columns.phone')}</Th>
                <Th>{t('list.columns.status')}</Th>
                <Th>{t('list.columns.tags')}</Th>
                <Th>{t('list.columns.timeZone')}</Th>
                <Th align="end">{t('list.columns.added')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((contact) => (
                <ContactTableRow key={contact.id} contact={contact} format={format} />
              ))}
            </tbody>
          </Table>
          {page.previous || page.next ? (
            <Pagination
              previousHref={page.previous ? contactsHref({ q: state.q, tag: state.tag, cursor: page.previous }) : null}
              nextHref={page.next ? contactsHref({ q: state.q, tag: state.tag, cursor: page.next }) : null}
            />
          ) : null}
        </>
      )}

      {importSection}
    </>
  );
}

function ContactTableRow({ contact, format }: { contact: ContactRow; format: Formatter }) {
  const t = useTranslations('contacts');
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const phone = format.phone(contact.phone);
  const shownTags = contact.tags.slice(0, VISIBLE_TAGS);
  const hiddenTags = contact.tags.slice(VISIBLE_TAGS);
  return (
    <tr data-contact-id={contact.id}>
      <Td className="max-w-64">
        <Link href={`/contacts/${contact.id}` as Route} className="block truncate font-medium text-fg hover:text-accent-text hover:underline">
          {name || phone}
        </Link>
        {name ? <span className="block text-xs text-fg-muted tabular-nums md:hidden">{phone}</span> : null}
      </Td>
      <Td className="whitespace-nowrap tabular-nums text-fg-muted max-md:hidden">{phone}</Td>
      <Td className="whitespace-nowrap">
        {contact.optedOutAt ? (
          <span data-opted-out={contact.optedOutAt.toISOString()}>
            <Badge tone="danger" dot>
              {t('list.optedOutOn', { date: format.date(contact.optedOutAt) })}
            </Badge>
          </span>
        ) : (
          <Badge tone="success" dot>
            {t('list.subscribed')}
          </Badge>
        )}
      </Td>
      <Td>
        {contact.tags.length === 0 ? (
          <span className="text-fg-subtle">—</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            {shownTags.map((tag) => (
              <Link key={tag} href={contactsHref({ tag })} className="rounded-full">
                <Badge>{tag}</Badge>
              </Link>
            ))}
            {hiddenTags.length > 0 ? (
              <span title={hiddenTags.join(', ')}>
                <Badge>{t('list.moreTags', { count: hiddenTags.length })}</Badge>
              </span>
            ) : null}
          </span>
        )}
      </Td>
      <Td className="whitespace-nowrap">
        {contact.timeZone ? <span className="text-fg-muted">{contact.timeZone}</span> : <span className="text-fg-subtle">{t('list.accountZone')}</span>}
      </Td>
      <Td align="end" className="whitespace-nowrap text-fg-muted">
        {format.date(contact.createdAt)}
      </Td>
    </tr>
  );
}
