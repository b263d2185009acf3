import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Metric, MetricCard } from '@/app/_components/ui/metric';
import { renderWithIntl } from './render-with-intl';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('MetricCard', () => {
  it('carries the contract attributes and shows the count and rate in English', async () => {
    const { container } = await renderWithIntl(<MetricCard name="delivered" label="Delivered" count={1234} of={9872} />);
    const metric = container.querySelector('[data-metric="delivered"]')!;
    expect(metric).toHaveAttribute('data-count', '1234');
    expect(metric).toHaveAttribute('data-rate', '12.5');
    expect(within(metric as HTMLElement).getByText('Delivered')).toBeInTheDocument();
    expect(within(metric as HTMLElement).getByText('1,234')).toBeInTheDocument();
    expect(within(metric as HTMLElement).getByText('12.5%')).toBeInTheDocument();
  });

  it('shows Portuguese separators in the text but keeps "." in data-rate', async () => {
    const { container } = await renderWithIntl(<MetricCard name="replies" label="Respostas" count={1234} of={9872} />, 'pt-BR');
    const metric = container.querySelector('[data-metric="replies"]')!;
    expect(metric).toHaveAttribute('data-count', '1234');
    expect(metric).toHaveAttribute('data-rate', '12.5');
    expect(plain(metric.textContent)).toContain('1.234');
    expect(plain(metric.textContent)).toContain('12,5%');
  });

  it('has no data-rate and shows no percentage when the metric has no denominator', async () => {
    const { container } = await renderWithIntl(<MetricCard name="credits_used" label="Credits used" count={52000} />);
    const metric = container.querySelector('[data-metric="credits_used"]')!;
    expect(metric).toHaveAttribute('data-count', '52000');
    expect(metric).not.toHaveAttribute('data-rate');
    expect(metric.textContent).not.toContain('%');
  });

  it('keeps the count in the attributes when it shows another value, such as money', async () => {
    const { container } = await renderWithIntl(
      <MetricCard name="overage_credits" label="Estimated overage" count={300} value="$4.50" hint="300 credits" />,
    );
    const metric = container.querySelector('[data-metric="overage_credits"]')!;
    expect(metric).toHaveAttribute('data-count', '300');
    expect(screen.getByText('$4.50')).toBeInTheDocument();
  });
});

describe('Metric (inline)', () => {
  it('carries data-total beside the count and rate, e.g. all clicks', async () => {
    const { container } = await renderWithIntl(<Metric name="link_clicks" count={3} of={8} total={11} />);
    const metric = container.querySelector('[data-metric="link_clicks"]')!;
    expect(metric).toHaveAttribute('data-count', '3');
    expect(metric).toHaveAttribute('data-rate', '37.5');
    expect(metric).toHaveAttribute('data-total', '11');
    expect(metric.textContent).toBe('337.5%');
  });

  it('shows 0.0% for a campaign without recipients', async () => {
    const { container } = await renderWithIntl(<Metric name="replies" count={0} of={0} />, 'pt-BR');
    const metric = container.querySelector('[data-metric="replies"]')!;
    expect(metric).toHaveAttribute('data-rate', '0.0');
    expect(plain(metric.textContent)).toBe('00,0%');
  });
});
