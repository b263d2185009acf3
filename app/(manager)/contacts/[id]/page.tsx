// One contact (/contacts/{id}): whether they can be texted, with the manager's
// opt-out / opt-in (confirmed first, recorded with who did it), their details, the
// history of their opt-outs and their latest messages.
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Card } from '@/app/_components/ui/card';
import { Confirm } from '@/app/_components/ui/confirm';
import { BackLink, PageHeader } from '@/app/_components/ui/page-header';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { requireManager } from '@/lib/auth/session';
import { contactsHref, parseId } from '@/lib/contacts/list-params';
import { getContact, optOutHistory, recentMessages, type ContactDetail } from '@/lib/contacts/queries';
import { NotFoundError } from '@/lib/errors';
import { describeTimeZone } from '@/lib/format';
import { getFormat } from '@/lib/format/server';
import { boundFormAction } from '../bound-action';
import { changeOptOut } from './actions';
import { OptOutHistory, RecentMessages } from './contact-activity';

type Props = PageProps<'/contacts/[id]'>;

// Cached per request: the metadata and the page read the same row once.
const loadContact = cache(async (rawId: string): Promise<ContactDetail> => {
  const { ctx } = await requireManager();
  const id = parseId(rawId);
  if (id === null) notFound();
  try {
    return await getContact(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

/** A birthday is a day on the calendar, not a moment: it reads the same in every zone. */
function calendarDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

const nameOf = (contact: ContactDetail, phone: string) => `${contact.firstName} ${contact.lastName}`.trim() || phone;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [contact, format] = await Promise.all([loadContact((await params).id), getFormat()]);
  return { title: nameOf(contact, format.phone(contact.phone)) };
}

export default async function ContactPage({ params }: Props) {
  const contact = await loadContact((await params).id);
  const { ctx, account } = await requireManager();
  const [t, format, history, messages] = await Promise.all([
    getTranslations('contacts'),
    getFormat(),
    optOutHistory(ctx, contact.id),
    recentMessages(ctx, contact.id),
  ]);
  const phone = format.phone(contact.phone);
  const name = nameOf(contact, phone);
  const here = `/contacts/${contact.id}` as Route;
  const change = boundFormAction(changeOptOut, contact.id);
  const accountZone = describeTimeZone(account.timeZone, format.settings.locale, format.settings.now);

  const details: Array<[string, ReactNode]> = [
    [t('contact.fields.phone'), <span key="phone" className="tabular-nums">{phone}</span>],
    [t('contact.fields.timeZone'), contact.timeZone ?? <span className="text-fg-muted">{t('contact.accountZone', { zone: accountZone.name })}</span>],
    [t('contact.fields.birthday'), contact.birthday ? calendarDate(contact.birthday, format.settings.locale) : <span className="text-fg-subtle">{t('contact.notSet')}</span>],
    [
      t('contact.fields.tags'),
      contact.tags.length > 0 ? (
        <span className="flex flex-wrap justify-end gap-1">
          {contact.tags.map((tag) => (
            <Link key={tag} href={contactsHref({ tag })} className="rounded-full">
              <Badge>{tag}</Badge>
            </Link>
          ))}
        </span>
      ) : (
        <span className="text-fg-subtle">{t('list.noTags')}</span>
      ),
    ],
    [t('contact.fields.added'), format.dateTime(contact.createdAt)],
    [t('contact.fields.updated'), format.dateTime(contact.updatedAt)],
  ];

  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/contacts">{t('contact.back')}</BackLink>
        }
        title={name}
        badge={
          contact.optedOutAt ? (
            <Badge tone="danger" dot>
              {t('list.optedOut')}
            </Badge>
          ) : (
            <Badge tone="success" dot>
              {t('list.subscribed')}
            </Badge>
          )
        }
        description={name === phone ? undefined : <span className="tabular-nums">{phone}</span>}
      />

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:order-last">
          <Card title={t('contact.texting')}>
            <div data-opted-out={contact.optedOutAt ? contact.optedOutAt.toISOString() : undefined} className="flex flex-col gap-4">
              <p className="text-sm text-fg-muted text-pretty">
                {contact.optedOutAt
                  ? t('contact.optedOutBody', { name, date: format.dateTime(contact.optedOutAt) })
                  : t('contact.subscribedBody', { name })}
              </p>
              {contact.optedOutAt ? (
                <Confirm
                  trigger={t('contact.optIn')}
                  align="start"
                  title={t('contact.optInTitle', { name })}
                  body={t('contact.optInBody')}
                  cancelHref={here}
                >
                  <form action={change}>
                    <input type="hidden" name="intent" value="opt_in" />
                    <SubmitButton>{t('contact.confirmOptIn')}</SubmitButton>
                  </form>
                </Confirm>
              ) : (
                <Confirm
                  trigger={t('contact.optOut')}
                  align="start"
                  title={t('contact.optOutTitle', { name })}
                  body={t('contact.optOutBody')}
                  cancelHref={here}
                >
                  <form action={change}>
                    <input type="hidden" name="intent" value="opt_out" />
                    <SubmitButton variant="danger">{t('contact.confirmOptOut')}</SubmitButton>
                  </form>
                </Confirm>
              )}
              <div className="border-t border-line pt-4">
                <OptOutHistory history={history} />
              </div>
            </div>
          </Card>
          <Card title={t('contact.details')}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-sm">
              {details.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-fg-muted">{label}</dt>
                  <dd className="min-w-0 text-right text-fg">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <RecentMessages messages={messages} />
        </div>
      </div>
    </>
  );
}
