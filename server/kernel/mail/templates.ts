/**
 * Mail templates: a subject, an HTML body and a plain-text body from the same data. Every value
 * interpolated into HTML goes through `esc` (the `html` tag does it), so a user's name cannot
 * inject markup; links are checked to be http(s) before they become an href.
 */
export interface RenderedMail {
  subject: string
  html: string
  text: string
}
export type MailTemplate<D = Record<string, unknown>> = (data: D) => RenderedMail

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Raw markup that `html` inserts as is (only ever built by `html` itself). */
class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

/** Tagged template: interpolated values are escaped unless they are SafeHtml (nested `html`). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!
  values.forEach((v, i) => {
    const part = Array.isArray(v) ? v.map(x => (x instanceof SafeHtml ? x.value : escapeHtml(x))).join('') : v instanceof SafeHtml ? v.value : escapeHtml(v)
    out += part + strings[i + 1]!
  })
  return new SafeHtml(out)
}

/** Only absolute http(s) links go into a mail; anything else becomes "#". */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#'
}

/** The frame every mail shares: a heading, paragraphs, one button, a footer. */
export function layout(opts: { heading: string, paragraphs: string[], action?: { label: string, url: string }, footer?: string }): { html: string, text: string } {
  const link = opts.action ? safeUrl(opts.action.url) : undefined
  const button = opts.action
    ? html`<p><a href="${link}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${opts.action.label}</a></p>
<p style="font-size:12px;color:#6b7280">Or open this address: ${link}</p>`
    : ''
  const footer = opts.footer ? html`<p style="font-size:12px;color:#6b7280">${opts.footer}</p>` : ''
  const body = html`<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#1f2937;background:#f9fafb;padding:24px">
<div style="max-width:520px;margin:auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${opts.heading}</h1>
${opts.paragraphs.map(p => html`<p>${p}</p>\n`)}
${button}
${footer}
</div></body></html>`
  const text = [opts.heading, '', ...opts.paragraphs.flatMap(p => [p, '']), ...(opts.action ? [`${opts.action.label}: ${link}`, ''] : []), ...(opts.footer ? [opts.footer] : [])].join('\n')
  return { html: body.value, text }
}

interface LinkData { name: string, url: string, minutes?: number, days?: number, app?: string }

const templates = new Map<string, MailTemplate<any>>()

/** Adds (or replaces) a template; modules and the notifications domain register theirs. */
export function defineMailTemplate<D>(name: string, render: MailTemplate<D>) {
  templates.set(name, render)
}

export function renderMail(name: string, data: Record<string, unknown>): RenderedMail {
  const render = templates.get(name)
  if (!render) throw new Error(`Unknown mail template "${name}"`)
  return render(data)
}

defineMailTemplate<LinkData>('password_reset', d => ({
  subject: 'Reset your password',
  ...layout({
    heading: 'Reset your password',
    paragraphs: [`Hello ${d.name},`, `Someone (hopefully you) asked to reset the password of your account. The link works once, for ${d.minutes ?? 30} minutes.`],
    action: { label: 'Choose a new password', url: d.url },
    footer: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  }),
}))

defineMailTemplate<LinkData>('verify_email', d => ({
  subject: 'Confirm your e-mail address',
  ...layout({
    heading: 'Confirm your e-mail address',
    paragraphs: [`Hello ${d.name},`, 'Please confirm that this address belongs to you.'],
    action: { label: 'Confirm my address', url: d.url },
    footer: 'If you did not expect this mail, you can ignore it.',
  }),
}))

defineMailTemplate<LinkData & { inviter: string }>('invitation', d => ({
  subject: `You are invited to ${d.app ?? 'FastVue'}`,
  ...layout({
    heading: `You are invited to ${d.app ?? 'FastVue'}`,
    paragraphs: [`Hello ${d.name},`, `${d.inviter} created an account for you. Choose a password to start; the link works once, for ${d.days ?? 7} days.`],
    action: { label: 'Set my password', url: d.url },
  }),
}))

defineMailTemplate<{ name: string, code: string, minutes?: number, reasons?: string[] }>('sign_in_code', d => ({
  subject: 'Your sign-in code',
  ...layout({
    heading: 'Confirm it is you',
    paragraphs: [
      `Hello ${d.name},`,
      `A sign-in to your account looked unusual${d.reasons?.length ? ` (${d.reasons.join('; ')})` : ''}. To finish it, enter this code: ${d.code}`,
      `The code works once, for ${d.minutes ?? 5} minutes.`,
    ],
    footer: 'If this was not you, change your password now: someone knows it.',
  }),
}))

defineMailTemplate<{ name: string, when: string, ip: string, device: string, new_device?: boolean }>('new_sign_in', d => ({
  subject: d.new_device === false ? 'Sign-in to your account' : 'New sign-in to your account',
  ...layout({
    heading: d.new_device === false ? 'Your account was signed in' : 'A new device signed in',
    paragraphs: [`Hello ${d.name},`, `Your account was signed in from ${d.device} (address ${d.ip}) on ${d.when}.`],
    footer: 'If this was you, there is nothing to do. If not, change your password and end the other sessions on your profile.',
  }),
}))

interface AccountEventData { name: string, what: string, detail?: string, when: string, ip: string }

defineMailTemplate<AccountEventData>('password_changed', d => ({
  subject: 'Your password was changed',
  ...layout({
    heading: 'Your password was changed',
    paragraphs: [`Hello ${d.name},`, `${d.what} on ${d.when} (address ${d.ip}).`, ...(d.detail ? [d.detail] : [])],
    footer: 'If this was not you, reset your password now and tell your administrator.',
  }),
}))

defineMailTemplate<AccountEventData>('security_changed', d => ({
  subject: 'A security setting of your account changed',
  ...layout({
    heading: d.what,
    paragraphs: [`Hello ${d.name},`, `${d.what} on ${d.when} (address ${d.ip}).`, ...(d.detail ? [d.detail] : [])],
    footer: 'If this was not you, change your password, end your other sessions and check your profile\'s Security tab.',
  }),
}))

defineMailTemplate<AccountEventData>('suspicious_activity', d => ({
  subject: 'Suspicious activity on your account',
  ...layout({
    heading: d.what,
    paragraphs: [`Hello ${d.name},`, `${d.what} on ${d.when} (address ${d.ip}).`, ...(d.detail ? [d.detail] : [])],
    footer: 'If this was not you, someone may know your password: change it and turn on two-factor authentication.',
  }),
}))
