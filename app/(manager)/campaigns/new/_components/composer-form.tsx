'use client';
// The composer form. Without JavaScript it is a plain form: "Check" re-renders the page
// with the estimate and every field kept, "Send now"/"Schedule" submit it. With
// JavaScript the counter runs as the manager types, the estimate refreshes by itself,
// and the schedule and send labels follow the fields.
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClasses, ButtonLink } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { cx } from '@/app/_components/ui/cx';
import { Field, FormMessage, Select, TextField } from '@/app/_components/ui/form';
import { instantOfLocalTime, type SampleLinks } from '@/lib/campaigns/compose-schema';
import { formatDateTime } from '@/lib/format/dates';
import { composeCampaign, estimateComposerDraft } from '../actions';
import type { ComposerState, EstimateView } from './composer-state';
import { EstimatePanel } from './estimate-panel';
import { SegmentCounter } from './segment-counter';

export type ComposerChoices = {
  numbers: Array<{ value: string; label: string }>;
  surveys: Array<{ id: number; name: string }>;
  tags: Array<{ name: string; contacts: number }>;
  contacts: number;
  /** Recipients picked on another campaign's page (`/campaigns/new?from=ID&recipient=…`). */
  selection: { campaignId: number; campaignName: string; count: number } | null;
};

type ComposerFormProps = {
  initialState: ComposerState;
  choices: ComposerChoices;
  account: { timeZone: string; zoneLabel: string; currency: string };
  links: SampleLinks;
  schedule: { min: string; max: string };
  limits: { name: number; body: number };
};

const text = (value: string | string[] | undefined, fallback = '') => (typeof value === 'string' ? value : fallback);

export function ComposerForm({ initialState, choices, account, links, schedule, limits }: ComposerFormProps) {
  const t = useTranslations('composer');
  const locale = useLocale();
  const [state, formAction] = useActionState(composeCampaign, initialState);
  const values = state.values ?? {};
  const error = (field: keyof NonNullable<ComposerState['fieldErrors']>) => state.fieldErrors?.[field]?.[0];

  // What the labels and the live estimate follow, read from the form as it changes.
  const [draft, setDraft] = useState(() => ({
    round: state.round,
    body: text(values.body).trim(),
    when: text(values.when, 'now'),
    scheduledAt: text(values.scheduled_at),
  }));
  const current = draft.round === state.round ? draft : { round: state.round, body: text(values.body).trim(), when: text(values.when, 'now'), scheduledAt: text(values.scheduled_at) };
  const live = useLiveEstimate(state.round);
  const estimate = live.estimate ?? state.estimate ?? null;
  const formRef = useRef<HTMLFormElement>(null);

  function readForm(form: HTMLFormElement) {
    const data = new FormData(form);
    setDraft({
      round: state.round,
      body: text(data.get('body') as string | undefined).trim(),
      when: text(data.get('when') as string | undefined, 'now'),
      scheduledAt: text(data.get('scheduled_at') as string | undefined),
    });
    live.refresh(form);
  }

  const scheduled = current.when === 'schedule' ? instantOfLocalTime(current.scheduledAt, account.timeZone) : null;
  const sendLabel =
    current.when === 'schedule'
      ? scheduled?.ok
        ? t('actions.scheduleFor', { time: formatDateTime(scheduled.instant, { locale, timeZone: account.timeZone }) })
        : t('actions.schedule')
      : estimate && current.body !== ''
        ? t('actions.sendTo', { count: estimate.recipients })
        : t('actions.sendNow');
  const unknownFields = state.unknownFields ?? [];
  const bodyError = unknownFields.length > 0 ? t('errors.unknownFieldsNamed', { fields: unknownFields.join(', ') }) : error('body');
  const formMessage = state.message ?? (state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? t('errors.fixFields') : undefined);

  return (
    <form
      key={state.round}
      ref={formRef}
      action={formAction}
      noValidate
      onChange={(event) => readForm(event.currentTarget)}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_23rem] lg:items-start"
    >
      {/* Enter in a text field submits the form's first button: make that a harmless check. */}
      <button type="submit" name="intent" value="check" tabIndex={-1} aria-hidden="true" className="sr-only">
        {t('actions.check')}
      </button>
      <div className="flex min-w-0 flex-col gap-6">
        {formMessage ? <FormMessage>{formMessage}</FormMessage> : null}

        <Card title={t('message.title')} description={t('message.description')}>
          <div className="flex flex-col gap-5">
            <TextField
              label={t('message.name')}
              name="name"
              hint={t('message.nameHint')}
              error={error('name')}
              defaultValue={text(values.name)}
              maxLength={limits.name * 2}
              autoComplete="off"
              required
            />
            <Field label={t('message.from')} name="from" error={error('from')} hint={choices.numbers.length === 0 ? t('message.noNumbers') : undefined} required>
              {(control) => (
                <Select {...control} defaultValue={text(values.from, choices.numbers[0]?.value)}>
                  {choices.numbers.map((number) => (
                    <option key={number.value} value={number.value}>
                      {number.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t('message.body')} name="body" error={bodyError} hint={t('message.bodyHint')} required>
              {(control) => (
                <SegmentCounter
                  id={control.id}
                  name={control.name}
                  describedBy={control['aria-describedby']}
                  invalid={control['aria-invalid']}
                  defaultValue={text(values.body)}
                  sample={estimate?.first ?? null}
                  links={links}
                  onBodyChange={(body) => {
                    setDraft((d) => ({ ...d, round: state.round, body: body.trim() }));
                    if (formRef.current) live.refresh(formRef.current);
                  }}
                />
              )}
            </Field>
            <Field label={t('message.survey')} name="survey" error={error('survey')} hint={t('message.surveyHint')} optional>
              {(control) => (
                <Select {...control} defaultValue={text(values.survey)}>
                  <option value="">{t('message.noSurvey')}</option>
                  {choices.surveys.map((survey) => (
                    <option key={survey.id} value={String(survey.id)}>
                      {survey.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </Card>

        <Card title={t('audience.title')} description={t('audience.description')}>
          <AudienceField choices={choices} value={text(values.audience, 'all')} error={error('audience') ?? error('recipient')} recipients={values.recipient} />
        </Card>

        <Card title={t('delivery.title')} description={t('delivery.description', { zone: account.zoneLabel })}>
          <fieldset className="group flex flex-col gap-4">
            <legend className="sr-only">{t('delivery.when')}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <WhenOption value="now" checked={text(values.when, 'now') === 'now'} title={t('delivery.now')} hint={t('delivery.nowHint')} />
              <WhenOption value="schedule" checked={text(values.when) === 'schedule'} title={t('delivery.schedule')} hint={t('delivery.scheduleHint')} />
            </div>
            {/* Shown only while "Schedule" is chosen, by CSS alone, so it works without JavaScript too. */}
            <div className="group-has-[input[value=now]:checked]:hidden">
              <Field label={t('delivery.scheduledAt')} name="scheduled_at" error={error('scheduled_at')} hint={t('delivery.scheduledAtHint', { zone: account.zoneLabel })}>
                {(control) => (
                  <input
                    {...control}
                    type="datetime-local"
                    defaultValue={text(values.scheduled_at)}
                    min={schedule.min}
                    max={schedule.max}
                    className="block h-9 w-full max-w-xs rounded-lg border border-line-strong bg-surface px-3 text-sm text-fg shadow-card focus:border-accent focus:outline-2 focus:outline-accent/30 aria-invalid:border-danger"
                  />
                )}
              </Field>
            </div>
          </fieldset>
        </Card>
      </div>

      <aside className="flex flex-col gap-4 lg:sticky lg:top-6">
        <Card title={t('summary.title')} description={t('summary.description')}>
          <EstimatePanel estimate={estimate} hasBody={current.body !== ''} currency={account.currency} refreshing={live.refreshing} />
        </Card>
        <div className="flex flex-col gap-2">
          <IntentButton intent="send" variant="primary" pendingLabel={current.when === 'schedule' ? t('actions.scheduling') : t('actions.sending')}>
            {sendLabel}
          </IntentButton>
          <div className="flex gap-2">
            <IntentButton intent="check" variant="secondary" pendingLabel={t('actions.checking')} className="flex-1">
              {t('actions.check')}
            </IntentButton>
            <ButtonLink href="/campaigns" variant="ghost">
              {t('actions.cancel')}
            </ButtonLink>
          </div>
          <p className="text-xs text-fg-subtle">{t('actions.checkHint')}</p>
        </div>
      </aside>
    </form>
  );
}

function AudienceField({
  choices,
  value,
  error,
  recipients,
}: {
  choices: ComposerChoices;
  value: string;
  error?: string;
  recipients: string | string[] | undefined;
}) {
  const t = useTranslations('composer.audience');
  const locale = useLocale();
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const selection = choices.selection;
  const selected = Array.isArray(recipients) ? recipients : recipients ? [recipients] : [];
  return (
    <div className="flex flex-col gap-3">
      {selection ? (
        <p className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent-text" data-selection-count={String(selection.count)}>
          {t('selected', { count: selection.count, campaign: selection.campaignName })}
        </p>
      ) : null}
      <Field label={t('label')} name="audience" error={error} hint={t('hint')}>
        {(control) => (
          <Select {...control} defaultValue={value}>
            {selection ? <option value={`campaign:${selection.campaignId}`}>{t('selectionOption', { count: selection.count, campaign: selection.campaignName })}</option> : null}
            <option value="all">{t('all', { count: count(choices.contacts) })}</option>
            {choices.tags.length > 0 ? (
              <optgroup label={t('tags')}>
                {choices.tags.map((tag) => (
                  <option key={tag.name} value={`tag:${tag.name}`}>
                    {t('tag', { tag: tag.name, count: count(tag.contacts) })}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      {selected.map((id) => (
        <input key={id} type="hidden" name="recipient" value={id} />
      ))}
    </div>
  );
}

function WhenOption({ value, checked, title, hint }: { value: 'now' | 'schedule'; checked: boolean; title: string; hint: string }) {
  return (
    <label
      className={cx(
        'flex cursor-pointer gap-3 rounded-lg border border-line-strong bg-surface p-3 shadow-card',
        'has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent/40',
      )}
    >
      <input type="radio" name="when" value={value} defaultChecked={checked} className="mt-0.5 size-4 accent-[var(--accent)]" />
      <span className="flex flex-col gap-0.5">
        <span className="text-sm font-medium text-fg">{title}</span>
        <span className="text-xs text-fg-muted">{hint}</span>
      </span>
    </label>
  );
}

/** A submit button for one intent that shows it is working only when it was the one pressed. */
function IntentButton({
  intent,
  variant,
  pendingLabel,
  className,
  children,
}: {
  intent: 'send' | 'check';
  variant: 'primary' | 'secondary';
  pendingLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const status = useFormStatus();
  const mine = status.pending && status.data?.get('intent') === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      aria-disabled={status.pending || undefined}
      onClick={(event) => {
        // A second press while the first is running would submit twice.
        if (status.pending) event.preventDefault();
      }}
      className={buttonClasses(variant, 'md', cx('h-10 w-full whitespace-normal text-center', className))}
    >
      {mine ? <Spinner /> : null}
      {mine ? pendingLabel : children}
    </button>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 animate-spin" fill="none">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** How long typing must pause before the estimate is asked for again. */
const LIVE_ESTIMATE_DELAY_MS = 450;

/**
 * The server's estimate of the form as it stands, asked for shortly after the manager
 * stops typing. An answer that a later change overtook is dropped; a draft that cannot
 * be read yet (a half-typed date) keeps the last estimate.
 */
function useLiveEstimate(round: string) {
  const [live, setLive] = useState<{ round: string; estimate: EstimateView } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  function refresh(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(form);
      data.set('intent', 'check');
      const ticket = ++latest.current;
      setRefreshing(true);
      estimateComposerDraft(data)
        .then((estimate) => {
          if (ticket !== latest.current) return;
          if (estimate) setLive({ round, estimate });
          setRefreshing(false);
        })
        .catch(() => {
          if (ticket === latest.current) setRefreshing(false);
        });
    }, LIVE_ESTIMATE_DELAY_MS);
  }

  return { estimate: live?.round === round ? live.estimate : null, refreshing, refresh };
}
