import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadConfig, resetConfig } from '../../server/config'
import { retryDelaySeconds } from '../../server/kernel/mail/backoff'
import { listOutbox } from '../../server/kernel/mail/outbox'
import { escapeHtml, html, layout, renderMail } from '../../server/kernel/mail/templates'
import type { ServiceContext } from '../../server/kernel/context'

describe('outbox back-off', () => {
  it('waits base seconds after the first failure, doubling up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(a => retryDelaySeconds(a, 30, 3600))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600])
    expect(retryDelaySeconds(100, 30, 3600)).toBe(3600)
    expect(retryDelaySeconds(2000, 1, 5)).toBe(5)
    expect(retryDelaySeconds(0, 30, 3600)).toBe(0)
  })

  it('reads its settings from the environment', () => {
    const config = loadConfig({ MAIL_RETRY_BASE_SECONDS: '2', MAIL_RETRY_MAX_SECONDS: '60', MAIL_MAX_ATTEMPTS: '4', SMTP_HOST: 'mx.example.test' })
    expect(config.mail).toMatchObject({ retryBaseSeconds: 2, retryMaxSeconds: 60, maxAttempts: 4, smtp: { host: 'mx.example.test', port: 587, secure: false } })
    expect(loadConfig({ SMTP_SECURE: 'true', SMTP_HOST: 'h' }).mail.smtp?.port).toBe(465)
    expect(loadConfig({}).mail.smtp).toBeUndefined()
    expect(loadConfig({}).allowSignup).toBe(false)
  })
})

describe('mail templates', () => {
  it('escape interpolated values in HTML', () => {
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(html`<p>${'<script>'}</p>${html`<b>${'&'}</b>`}`.value).toBe('<p>&lt;script&gt;</p><b>&amp;</b>')
  })

  it('render every built-in template with the name escaped and the link intact', () => {
    const name = '<img src=x onerror=alert(1)>'
    for (const template of ['password_reset', 'verify_email', 'invitation']) {
      const mail = renderMail(template, { name, inviter: '<b>Boss</b>', url: 'https://app.example.test/reset-password?token=abc&invite=1' })
      expect(mail.html).not.toContain('<img')
      expect(mail.html).not.toContain('<b>Boss')
      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(mail.html).toContain('href="https://app.example.test/reset-password?token=abc&amp;invite=1"')
      expect(mail.text).toContain(name)
      expect(mail.text).toContain('https://app.example.test/reset-password?token=abc&invite=1')
    }
    expect(() => renderMail('nope', {})).toThrow(/Unknown mail template/)
  })

  it('never makes a non-http link clickable', () => {
    const { html: body } = layout({ heading: 'h', paragraphs: [], action: { label: 'go', url: 'javascript:alert(1)' } })
    expect(body).not.toContain('javascript:')
    expect(body).toContain('href="#"')
  })
})

describe('the development outbox', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    resetConfig()
  })

  it('does not exist in production', async () => {
    vi.stubEnv('ENVIRONMENT', 'production')
    resetConfig()
    await expect(listOutbox({} as ServiceContext)).rejects.toMatchObject({ kind: 'not_found' })
  })
})
