import { useId } from 'react';

export type ChoiceProps<T extends string> = Readonly<{
  label: string;
  value: T;
  options: ReadonlyArray<Readonly<{ value: T; label: string }>>;
  onChange: (value: T) => void;
  testId: string;
}>;

/** A labelled group of radio buttons (arrow keys move between them, as the platform does). */
export function Choice<T extends string>({ label, value, options, onChange, testId }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="setting-choice" data-testid={testId}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="check-row">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            data-testid={`${testId}-${option.value}`}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled checkbox. */
export function Toggle({
  label,
  checked,
  onChange,
  testId,
  disabled = false,
}: Readonly<{
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  disabled?: boolean;
}>) {
  return (
    <label className="check-row">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );
}
