// What happened with a contact: their latest texts in both directions, and every
// opt-out and opt-in with what caused it (a keyword, the carrier, a manager, an import).
import type { Route } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, StatusBadge } from '@/app/_components/ui/badge';
import { Card } from '@/app/_components/ui/card';
import { RECENT_MESSAGES_LIMIT, type OptOutEntry, type RecentMessage } from '@/lib/contacts/queries';
import { getFormat } from '@/lib/format/server';
import { deliveryBucket } from '@/lib/messaging/status';

export async function RecentMessages({ messages }: { messages: RecentMessage[] }) {
  const [t, twilioErrors, format] = await Promise.all([
    getTranslations('contacts.contact.messages'),
    getTranslations('twilioErrors'),
    getFormat(),
  ]);
  const errorText = (code: number) => (twilioErrors.has(String(code)) ? twilioErrors(String(code)) : twilioErrors('unknown', { code }));
  return (
    <Card title={t('title')} description={t('description', { limit: RECENT_MESSAGES_LIMIT })} flush>
      {messages.length === 0 ? (
        <p className="px-4 py-6 text-sm text-fg-muted sm:px-5">{t('empty')}</p>
      ) : (
        <ol className="divide-y divide-line">
          {messages.map((message) => {
            const outbound = message.direction === 'outbound';
            const bucket = outbound ? deliveryBucket(message.status) : null;
            return (
              <li key={message.id} data-message-id={message.id} className="flex flex-col gap-1.5 px-4 py-3 sm:px-5">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-fg-subtle">
                  <span className={outbound ? 'font-medium text-accent-text' : 'font-medium text-fg'}>{outbound ? t('sent') : t('received')}</span>
                  <span aria-hidden="true">·</span>
                  <time dateTime={message.at.toISOString()}>{format.dateTime(message.at)}</time>
                  {message.campaignName ? (
                    <>
                      <span aria-hidden="true">·</span>
                      <Link href={`/campaigns/${message.campaignId}` as Route} className="hover:text-fg hover:underline">
                        {t('campaign', { name: message.campaignName })}
                      </Link>
                    </>
                  ) : message.automationName ? (
                    <>
                      <span aria-hidden="true">·</span>
                      <span>{t('automation', { name: message.automationName })}</span>
                    </>
                  ) : null}
                  {bucket === 'suppressed' ? <Badge>{t('statusSuppressed')}</Badge> : bucket ? <StatusBadge status={bucket} /> : null}
                  {message.errorCode ? <span className="text-danger-text">{errorText(message.errorCode)}</span> : null}
                </div>
                <p className="whitespace-pre-wrap break-words text-sm text-fg">{message.body}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** Every opt-out and opt-in of the contact, newest first, for the texting card. */
export async function OptOutHistory({ history }: { history: OptOutEntry[] }) {
  const [t, format] = await Promise.all([getTranslations('contacts.contact.history'), getFormat()]);
  const causeOf = (entry: OptOutEntry) => {
    switch (entry.source) {
      case 'keyword':
        return entry.keyword ? t('keyword', { keyword: entry.keyword }) : t('keywordUnknown');
      case 'carrier':
        return t('carrier');
      case 'manual':
        return entry.userName ? t('manual', { name: entry.userName }) : t('manualUnknown');
      case 'import':
        return t('import');
    }
  };
  return (
    <section aria-labelledby="opt-out-history">
      <h3 id="opt-out-history" className="text-xs font-medium tracking-wide text-fg-subtle uppercase">
        {t('title')}
      </h3>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-fg-muted">{t('empty')}</p>
      ) : (
        <ol className="mt-2 flex flex-col divide-y divide-line">
          {history.map((entry) => (
            <li key={entry.id} data-opt-change={entry.kind} data-source={entry.source} className="flex flex-col gap-1 py-2.5 first:pt-1 last:pb-0">
              <span className="flex flex-wrap items-center justify-between gap-2">
                <Badge tone={entry.kind === 'opt_out' ? 'danger' : 'success'} dot>
                  {entry.kind === 'opt_out' ? t('optOut') : t('optIn')}
                </Badge>
                <time dateTime={entry.at.toISOString()} className="text-xs text-fg-subtle tabular-nums">
                  {format.dateTime(entry.at)}
                </time>
              </span>
              <span className="text-sm text-fg">{causeOf(entry)}</span>
              {entry.campaignName ? (
                <Link href={`/campaigns/${entry.campaignId}` as Route} className="text-xs text-fg-muted hover:text-fg hover:underline">
                  {t('campaign', { name: entry.campaignName })}
                </Link>
              ) : entry.automationName ? (
                <span className="text-xs text-fg-muted">{t('automation', { name: entry.automationName })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
