'use client';
// The composer form. Without JavaScript it is a plain form: "Check" re-renders the page
// with the estimate and every field kept, "Send now"/"Schedule" submit it. With
// JavaScript the counter runs as the manager types, the estimate refreshes by itself,
// and the schedule and send labels follow the fields.
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { Field, FormMessage, Select, TextField } from '@/app/_components/ui/form';
import { instantOfLocalTime, type SampleLinks } from '@/lib/campaigns/compose-schema';
import { formatDateTime } from '@/lib/format/dates';
import { composeCampaign } from '../actions';
import { AudienceField } from './audience-field';
import type { ComposerChoices, ComposerState } from './composer-state';
import { DeliveryFields } from './delivery-fields';
import { EstimatePanel } from './estimate-panel';
import { IntentButton } from './intent-button';
import { SegmentCounter } from './segment-counter';
import { useLiveEstimate } from './use-live-estimate';

type ComposerFormProps = {
  initialState: ComposerState;
  choices: ComposerChoices;
  account: { timeZone: string; zoneLabel: string; currency: string };
  links: SampleLinks;
  schedule: { min: string; max: string };
  limits: { name: number };
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
      data-round={state.round}
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
                  placeholder={t('message.bodyPlaceholder')}
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
          <DeliveryFields
            when={text(values.when, 'now')}
            scheduledAt={text(values.scheduled_at)}
            error={error('scheduled_at')}
            zoneLabel={account.zoneLabel}
            schedule={schedule}
          />
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
