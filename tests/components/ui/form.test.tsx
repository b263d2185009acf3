import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, FormMessage, Select, TextField } from '@/app/_components/ui/form';
import { renderWithIntl } from './render-with-intl';

describe('form fields', () => {
  it('names the input by its label and describes it by its hint', async () => {
    await renderWithIntl(<TextField label="Campaign name" name="name" hint="Only you see this name." />);
    const input = screen.getByRole('textbox', { name: 'Campaign name' });
    expect(input).toHaveAttribute('name', 'name');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription('Only you see this name.');
  });

  it('marks an input with an error invalid and reads the error before the hint', async () => {
    await renderWithIntl(
      <TextField label="Campaign name" name="name" hint="Only you see this name." error="This field is required." />,
    );
    const input = screen.getByRole('textbox', { name: 'Campaign name' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Error: This field is required. Only you see this name.');
  });

  it('wires any control through Field, with ids unique per field', async () => {
    await renderWithIntl(
      <Field label="De" name="from" error="Escolha uma das opções." required>
        {(control) => (
          <Select {...control}>
            <option value="">—</option>
          </Select>
        )}
      </Field>,
      'pt-BR',
    );
    const select = screen.getByRole('combobox', { name: 'De' });
    expect(select).toHaveAttribute('id', 'field-from');
    expect(select).toBeRequired();
    expect(select).toBeInvalid();
    expect(select).toHaveAccessibleDescription('Erro: Escolha uma das opções.');
  });

  it('keeps an empty live region for form messages so later messages are announced', async () => {
    const { rerender } = await renderWithIntl(<FormMessage />);
    const region = screen.getByRole('alert');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    rerender(<FormMessage>2 fields need your attention.</FormMessage>);
    expect(screen.getByRole('alert')).toHaveTextContent('2 fields need your attention.');
  });
});
