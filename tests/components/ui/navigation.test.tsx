import { screen } from '@testing-library/react';
import type { Route } from 'next';
import { describe, expect, it } from 'vitest';
import { Pagination } from '@/app/_components/ui/pagination';
import { Tabs } from '@/app/_components/ui/tabs';
import { renderWithIntl } from './render-with-intl';

describe('Tabs', () => {
  it('renders each tab as a link and marks only the current one', async () => {
    await renderWithIntl(
      <Tabs
        label="Campaign"
        items={[
          { href: '/campaigns/7' as Route, label: 'Campaign', current: true },
          { href: '/campaigns/7/survey' as Route, label: 'Survey', current: false, badge: '12' },
        ]}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'Campaign' });
    expect(nav).toBeInTheDocument();
    const current = screen.getByRole('link', { name: 'Campaign' });
    const other = screen.getByRole('link', { name: /Survey/ });
    expect(current).toHaveAttribute('href', '/campaigns/7');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(other).toHaveAttribute('href', '/campaigns/7/survey');
    expect(other).not.toHaveAttribute('aria-current');
    expect(other).toHaveTextContent('12');
  });
});

describe('Pagination', () => {
  it('links to the previous and next pages it is given', async () => {
    await renderWithIntl(
      <Pagination previousHref="/campaigns?cursor=a" nextHref="/campaigns?cursor=b" summary="1,234 campaigns" />,
    );
    expect(screen.getByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/campaigns?cursor=a');
    expect(screen.getByRole('link', { name: 'Next' })).toHaveAttribute('href', '/campaigns?cursor=b');
    expect(screen.getByText('1,234 campaigns')).toBeInTheDocument();
  });

  it('shows a missing page as disabled text, not a link', async () => {
    await renderWithIntl(<Pagination nextHref="/campaigns?cursor=b" />, 'pt-BR');
    expect(screen.queryByRole('link', { name: 'Anterior' })).toBeNull();
    expect(screen.getByText('Anterior').closest('[aria-disabled="true"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Próxima' })).toHaveAttribute('rel', 'next');
  });
});
