import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from '@/app/_components/ui/badge';
import { StackedBar } from '@/app/_components/ui/stacked-bar';
import { renderWithIntl } from './render-with-intl';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('StackedBar', () => {
  it('describes the whole delivery split in words for screen readers', async () => {
    await renderWithIntl(<StackedBar delivered={6000} pending={1000} failed={1000} />);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      '8,000 recipients: 6,000 delivered (75.0%), 1,000 pending (12.5%), 1,000 failed (12.5%)',
    );
  });

  it('sizes each part by its share of the recipients and leaves out empty parts', async () => {
    const { container } = await renderWithIntl(<StackedBar delivered={3} pending={0} failed={1} />, 'pt-BR');
    const parts = [...container.querySelectorAll<HTMLElement>('[role="img"] > span')];
    expect(parts.map((part) => part.style.width)).toEqual(['75%', '25%']);
    expect(plain(screen.getByRole('img').getAttribute('aria-label'))).toBe(
      '4 destinatários: 3 entregues (75,0%), 0 pendente (0,0%), 1 falha (25,0%)',
    );
  });
});

describe('StatusBadge', () => {
  it('names the status in the reader language', async () => {
    await renderWithIntl(<StatusBadge status="scheduled" />, 'pt-BR');
    expect(screen.getByText('Agendada')).toBeInTheDocument();
  });
});
