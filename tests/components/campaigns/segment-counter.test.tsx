// The composer's live counter as a manager types: segments and encoding follow every
// keystroke, with the contract's data-metric attributes; a character that forces
// UCS-2 is named, with what replacing it would save, and "Replace" fixes it in place.
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SegmentCounter } from '@/app/(manager)/campaigns/new/_components/segment-counter';
import { sampleLinks } from '@/lib/campaigns/compose-schema';
import { renderWithIntl } from '../ui/render-with-intl';

const links = sampleLinks('https://pulse.example.test');

function metric() {
  return document.querySelector('[data-metric="segments"]');
}

async function renderCounter(props: Partial<Parameters<typeof SegmentCounter>[0]> = {}, locale: 'en' | 'pt-BR' = 'en') {
  await renderWithIntl(<SegmentCounter defaultValue="" sample={null} links={links} {...props} />, locale);
  return screen.getByRole('textbox');
}

describe('the live segment counter', () => {
  it('shows no segment metric before a body is entered', async () => {
    await renderCounter();
    expect(metric()).toBeNull();
    expect(screen.getByText('No message yet')).toBeInTheDocument();
  });

  it('counts 160 plain characters as one segment and the 161st as a second, as they are typed', async () => {
    const user = userEvent.setup();
    const box = await renderCounter();
    await user.click(box);
    await user.paste('a'.repeat(159));
    await user.type(box, 'a');
    expect(metric()).toHaveAttribute('data-count', '1');
    expect(metric()).toHaveAttribute('data-encoding', 'GSM-7');
    expect(screen.getByText('160 / 160 characters', { exact: false })).toBeInTheDocument();

    await user.type(box, 'a');
    expect(metric()).toHaveAttribute('data-count', '2');
    expect(metric()).toHaveTextContent('2 segments');
    expect(screen.getByText(/161 \/ 306 characters · 145 left in this segment/)).toBeInTheDocument();
  });

  it('switches to UCS-2 at a curly quote, names it and says what replacing it saves', async () => {
    const user = userEvent.setup();
    const box = await renderCounter();
    await user.click(box);
    await user.paste('a'.repeat(80));
    await user.type(box, '’s');
    expect(metric()).toHaveAttribute('data-encoding', 'UCS-2');
    expect(metric()).toHaveAttribute('data-count', '2');

    const named = document.querySelector('[data-ucs2-character]');
    expect(named).toHaveAttribute('data-ucs2-character', '’');
    expect(named).toHaveTextContent('U+2019');
    expect(named).toHaveTextContent('character 81');
    expect(named).toHaveTextContent("can be replaced by '");
    expect(screen.getByText('Replacing them would use 1 segment instead of 2.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Replace them' }));
    expect(box).toHaveValue(`${'a'.repeat(80)}'s`);
    expect(metric()).toHaveAttribute('data-encoding', 'GSM-7');
    expect(metric()).toHaveAttribute('data-count', '1');
    expect(document.querySelector('[data-ucs2-character]')).toBeNull();
  });

  it('offers no replacement for an emoji, which has no plain equivalent', async () => {
    const box = await renderCounter();
    fireEvent.change(box, { target: { value: 'Spring is here 🌿 and so are we’' } });
    expect(metric()).toHaveAttribute('data-encoding', 'UCS-2');
    expect([...document.querySelectorAll('[data-ucs2-character]')].map((li) => li.getAttribute('data-ucs2-character'))).toEqual(['🌿', '’']);
    expect(screen.queryByRole('button', { name: 'Replace them' })).toBeNull();
    expect(screen.getByText(/no plain equivalent, so replacing the others/)).toBeInTheDocument();
  });

  it('counts the body as the first recipient gets it: their name filled, links at full length', async () => {
    // 144 characters as typed (one segment); 167 as Olivia gets it, with her 41-character tracked link.
    const template = `Hi {first_name}, ${'x'.repeat(93)} https://a.co ${'y'.repeat(20)}`;
    expect(template).toHaveLength(144);
    await renderCounter({ defaultValue: template, sample: { firstName: 'Olivia', lastName: 'Smith' } });
    expect(metric()).toHaveAttribute('data-count', '2');
    expect(screen.getByText(/^167 \/ 306 characters/)).toBeInTheDocument();
    expect(screen.getByText('Counted as Olivia Smith will get it, links at their real length.')).toBeInTheDocument();
  });

  it('explains when only the recipient’s name brings UCS-2 in', async () => {
    await renderCounter({ defaultValue: 'Hi {first_name}!', sample: { firstName: 'João', lastName: 'Silva' } }, 'pt-BR');
    expect(metric()).toHaveAttribute('data-encoding', 'UCS-2');
    expect(metric()).toHaveTextContent('1 segmento');
    expect(screen.getByRole('note')).toHaveTextContent('O nome do primeiro destinatário tem caracteres fora do alfabeto GSM-7');
    expect(document.querySelector('[data-ucs2-character]')).toBeNull();
  });
});
