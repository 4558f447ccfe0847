import { useId, useState, type ReactNode } from 'react';

// Labelled form controls: every input has a visible <label>, hints are tied in with aria-describedby.

interface FieldProps<T> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  hint?: string;
  required?: boolean;
}

function FieldFrame(props: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint === undefined ? null : (
        <small id={`${props.id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

export function TextField(
  props: FieldProps<string> & { type?: 'text' | 'password' | 'search' | 'date'; autoComplete?: string },
) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        aria-describedby={props.hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps<string> & { rows?: number }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        required={props.required}
        aria-describedby={props.hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** A whole number; the text stays editable while it is not one yet, and only numbers reach onChange. */
export function NumberField(props: FieldProps<number | null> & { min?: number; max?: number }) {
  const id = useId();
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={text}
        required={props.required}
        aria-describedby={props.hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = Number.parseInt(event.target.value, 10);
          props.onChange(Number.isNaN(parsed) ? null : parsed);
        }}
      />
    </FieldFrame>
  );
}

export function CheckboxField(props: FieldProps<boolean>) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.value}
        aria-describedby={props.hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint === undefined ? null : (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** A choice among string values (GraphQL enums); `labels` may name them for people. */
export function SelectField<T extends string>(
  props: FieldProps<T> & { options: readonly T[]; labels?: Readonly<Partial<Record<string, string>>> },
) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <select
        id={id}
        value={props.value}
        aria-describedby={props.hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => {
          const chosen = props.options.find((option) => option === event.target.value);
          if (chosen !== undefined) props.onChange(chosen);
        }}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export type SetField<T> = <K extends keyof T>(key: K, value: T[K]) => void;

/** Form state as one object, changed one field at a time. */
export function useFormState<T extends object>(initial: T): [T, SetField<T>] {
  const [values, setValues] = useState(initial);
  const setField: SetField<T> = (key, value) => {
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  return [values, setField];
}

/** Optional text: empty input means "not set" (null). */
export function textOrNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

const ANY = '';

/** A filter over string values where "Any" (no filter) is null. */
export function FilterSelectField<T extends string>(props: {
  label: string;
  options: readonly T[];
  labels?: Readonly<Partial<Record<string, string>>>;
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  return (
    <SelectField<T | typeof ANY>
      label={props.label}
      options={[ANY, ...props.options]}
      labels={{ ...props.labels, [ANY]: 'Any' }}
      value={props.value ?? ANY}
      onChange={(value) => props.onChange(value === ANY ? null : value)}
    />
  );
}
