// The built-in SMS simulator (CONTRACT): what Pulse asked it to send, newest first,
// and forms to play the other side — a contact texting in, a carrier reporting.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { MegaphoneIcon } from '@/app/_components/ui/icons';
import { Input } from '@/app/_components/ui/form';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { Table, Td, Th } from '@/app/_components/ui/table';
import { requireManager } from '@/lib/auth/session';
import { simOutcomes, smsProviderName } from '@/lib/config';
import { normalizePhone } from '@/lib/contacts/phone';
import { getFormat } from '@/lib/format/server';
import { accountNumbers, OUTBOX_LIMIT, simOutbox } from '@/lib/sim/outbox';
import { ReportOutcomeForm, SimulateReplyForm } from './sim-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sim');
  return { title: t('title') };
}

export default async function SimulatorPage({ searchParams }: PageProps<'/sim'>) {
  if (smsProviderName() !== 'sim') notFound();
  const { ctx, account } = await requireManager();
  const params = await searchParams;
  const typed = typeof params.to === 'string' ? params.to : '';
  const normalized = typed.trim() === '' ? null : normalizePhone(typed, account.country);
  const to = normalized?.ok ? normalized.e164 : null;

  const [t, format, texts, numbers] = await Promise.all([
    getTranslations('sim'),
    getFormat(),
    normalized && !normalized.ok ? Promise.resolve([]) : simOutbox(ctx, { to }),
    accountNumbers(ctx),
  ]);
  const recentRecipients = [...new Set(texts.map((m) => m.to))].slice(0, 20);

  return (
    <>
      <PageHeader title={t('title')} description={t('description', { mode: simOutcomes() })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('replyTitle')} description={t('replyDescription')}>
          <SimulateReplyForm numbers={numbers} recentRecipients={recentRecipients} />
        </Card>
        <Card title={t('reportTitle')} description={t(simOutcomes() === 'auto' ? 'reportDescriptionAuto' : 'reportDescriptionManual')}>
          {texts.length > 0 ? <ReportOutcomeForm sids={texts.slice(0, 50).map((m) => m.sid)} /> : <p className="text-sm text-fg-muted">{t('nothingToReport')}</p>}
        </Card>
      </div>

      <section aria-labelledby="outbox-title" className="mt-10">
        <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h2 id="outbox-title" className="text-lg font-semibold text-fg">
              {t('outboxTitle')}
            </h2>
            <p className="text-sm text-fg-muted">{t('outboxDescription', { limit: OUTBOX_LIMIT })}</p>
          </div>
          <form method="get" className="flex items-end gap-2" role="search">
            <label className="sr-only" htmlFor="outbox-to">
              {t('filterTo')}
            </label>
            <Input id="outbox-to" name="to" defaultValue={typed} placeholder={t('filterTo')} inputMode="tel" className="w-48" />
            <Button type="submit" variant="secondary">
              {t('filter')}
            </Button>
            {typed ? (
              <ButtonLink href={'/sim'} variant="ghost">
                {t('clear')}
              </ButtonLink>
            ) : null}
          </form>
        </div>
        {normalized && !normalized.ok ? <p className="mb-3 text-sm text-danger-text">{t('errors.phone')}</p> : null}
        {texts.length === 0 ? (
          <EmptyState icon={<MegaphoneIcon />} title={t('emptyTitle')} body={t('emptyBody')} />
        ) : (
          <Table caption={t('outboxTitle')}>
            <thead>
              <tr>
                <Th>{t('columns.to')}</Th>
                <Th>{t('columns.body')}</Th>
                <Th>{t('columns.from')}</Th>
                <Th>{t('columns.sent')}</Th>
                <Th>{t('columns.sid')}</Th>
              </tr>
            </thead>
            <tbody>
              {texts.map((m) => (
                <tr key={m.sid} data-sid={m.sid}>
                  <Td className="whitespace-nowrap tabular-nums">{format.phone(m.to)}</Td>
                  <Td className="min-w-72 max-w-xl whitespace-pre-wrap break-words text-fg">{m.body}</Td>
                  <Td className="whitespace-nowrap tabular-nums text-fg-muted">{format.phone(m.from)}</Td>
                  <Td className="whitespace-nowrap text-fg-muted">{format.dateTime(m.createdAt)}</Td>
                  <Td className="font-mono text-xs text-fg-subtle">{m.sid}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
