'use client';
// When the campaign goes out: now, or at a date and time on the account's clock. The
// date field shows only while "Schedule" is chosen, by CSS alone, so it works without
// JavaScript too.
import { useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/cx';
import { Field } from '@/app/_components/ui/form';

type DeliveryFieldsProps = {
  when: string;
  scheduledAt: string;
  error?: string;
  zoneLabel: string;
  schedule: { min: string; max: string };
};

export function DeliveryFields({ when, scheduledAt, error, zoneLabel, schedule }: DeliveryFieldsProps) {
  const t = useTranslations('composer');
  return (
    <fieldset className="group flex flex-col gap-4">
      <legend className="sr-only">{t('delivery.when')}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <WhenOption value="now" checked={when !== 'schedule'} title={t('delivery.now')} hint={t('delivery.nowHint')} />
        <WhenOption value="schedule" checked={when === 'schedule'} title={t('delivery.schedule')} hint={t('delivery.scheduleHint')} />
      </div>
      <div className="group-has-[input[value=now]:checked]:hidden">
        <Field label={t('delivery.scheduledAt')} name="scheduled_at" error={error} hint={t('delivery.scheduledAtHint', { zone: zoneLabel })}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              defaultValue={scheduledAt}
              min={schedule.min}
              max={schedule.max}
              className="block h-9 w-full max-w-xs rounded-lg border border-line-strong bg-surface px-3 text-sm text-fg shadow-card focus:border-accent focus:outline-2 focus:outline-accent/30 aria-invalid:border-danger"
            />
          )}
        </Field>
      </div>
    </fieldset>
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
