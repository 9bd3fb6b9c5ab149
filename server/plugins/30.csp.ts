import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'

declare module 'h3' {
  interface H3EventContext {
    /** the nonce of this page's Content-Security-Policy (server-rendered console pages) */
    cspNonce?: string
  }
}

/** The console's policy: scripts only from this origin or carrying this response's nonce. */
export function consolePolicy(nonce: string) {
  return [
    'default-src \'self\'',
    `script-src 'self' 'nonce-${nonce}'`,
    // Nuxt UI and Vue's style bindings set inline styles
    'style-src \'self\' \'unsafe-inline\'',
    // avatars may live elsewhere (a user's avatar_url)
    'img-src \'self\' data: blob: https:',
    'font-src \'self\' data:',
    'connect-src \'self\'',
    'worker-src \'self\' blob:',
    'object-src \'none\'',
    'base-uri \'none\'',
    'form-action \'self\'',
    'frame-ancestors \'none\'',
    'report-uri /api/v1/csp/csp-report',
  ].join('; ')
}

const SCRIPT_OPEN = /<script\b(?![^>]*\snonce=)/g
const PRELOAD_OPEN = /<link\b(?=[^>]*\srel="?(?:modulepreload|preload)\b)(?![^>]*\snonce=)/g

/**
 * A nonce-based CSP for the console's server-rendered pages (docs/decisions.md, "Security
 * headers"): every `<script>` Nuxt renders in the head and around the app (its entry, the
 * payload, the config and color-mode snippets) and every preload link gets this response's nonce;
 * nothing inline runs without it, and the app's own markup is never marked.
 * The development server is left alone (Vite injects its own scripts).
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.dev) return
  nitroApp.hooks.hook('render:html', (html, { event }: { event: H3Event }) => {
    const nonce = randomBytes(18).toString('base64')
    event.context.cspNonce = nonce
    const mark = (chunk: string) => chunk.replace(SCRIPT_OPEN, `<script nonce="${nonce}"`).replace(PRELOAD_OPEN, `<link nonce="${nonce}"`)
    html.head = html.head.map(mark)
    html.bodyPrepend = html.bodyPrepend.map(mark)
    // not html.body: that is the app's own markup, where a nonce could bless injected content
    html.bodyAppend = html.bodyAppend.map(mark)
  })
  nitroApp.hooks.hook('render:response', (response, { event }: { event: H3Event }) => {
    const nonce = event.context.cspNonce
    if (nonce && response?.headers) response.headers['content-security-policy'] = consolePolicy(nonce)
  })
})
