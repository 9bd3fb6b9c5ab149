/**
 * One date format for the whole console, in the reader's locale. Dates are only ever formatted in
 * the browser (pages fetch with `server: false`), so the server never renders a locale of its own.
 */
export function useFormat() {
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
  const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const valid = (v: string | number | Date | null | undefined): v is string | number | Date => v !== null && v !== undefined && v !== '' && !Number.isNaN(new Date(v).getTime())
  return {
    /** "1 Dec 2026, 14:05" (in the reader's locale); "—" when missing */
    formatDateTime: (v: string | number | Date | null | undefined) => (valid(v) ? dateTime.format(new Date(v)) : '—'),
    formatDate: (v: string | number | Date | null | undefined) => (valid(v) ? date.format(new Date(v)) : '—'),
    /** a calendar day given as YYYY-MM-DD: "1 Dec" */
    formatDay: (v: string) => (valid(v) ? day.format(new Date(`${v.slice(0, 10)}T00:00:00Z`)) : v),
  }
}
