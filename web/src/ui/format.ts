const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const whole = new Intl.NumberFormat();
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatDateTime(iso: string | null | undefined): string {
  return iso == null ? '–' : dateTime.format(new Date(iso));
}

export function formatCount(value: number): string {
  return whole.format(value);
}

export function formatRate(value: number): string {
  return decimal.format(value);
}

/** 75 -> "1 min 15 s"; for ETAs. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds % 60} s`;
}

/** UPPER_SNAKE enum values as words: READ_USERS -> "Read users". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
