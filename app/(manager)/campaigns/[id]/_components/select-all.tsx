'use client';
// "Select all on this page": a convenience over the row checkboxes, so it exists only
// where JavaScript runs (without it the box would do nothing, so it stays hidden).
import { useEffect, useRef, useState } from 'react';

const ROWS = 'input[name="recipient"][type="checkbox"]';

export function SelectAll({ label }: { label: string }) {
  const box = useRef<HTMLInputElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const form = box.current?.form;
    if (!form) return;
    // Mirrors the rows: checked when all are, mixed when some are.
    const sync = () => {
      const rows = [...form.querySelectorAll<HTMLInputElement>(ROWS)];
      const checked = rows.filter((row) => row.checked).length;
      if (!box.current) return;
      box.current.checked = rows.length > 0 && checked === rows.length;
      box.current.indeterminate = checked > 0 && checked < rows.length;
    };
    sync();
    form.addEventListener('change', sync);
    // Shown once it can work; the render before hydration has it hidden.
    setReady(true);
    return () => form.removeEventListener('change', sync);
  }, []);

  return (
    <label hidden={!ready} className="flex items-center gap-2 text-sm text-fg-muted">
      <input
        ref={box}
        type="checkbox"
        className="size-4 rounded border-line-strong accent-accent"
        onChange={(event) => {
          const form = event.currentTarget.form;
          if (!form) return;
          for (const row of form.querySelectorAll<HTMLInputElement>(ROWS)) row.checked = event.currentTarget.checked;
        }}
      />
      {label}
    </label>
  );
}
