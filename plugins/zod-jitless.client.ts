import { z } from 'zod'

// Under the console's Content-Security-Policy (no 'unsafe-eval') zod's probe for `new Function`
// fails and, caught or not, the browser files a violation report: zod's interpreted mode is all
// the console's forms need. Set when this module loads (zod probes while building a schema, and
// the router loads a page's schemas before plugins' setup functions have all run).
z.config({ jitless: true })

export default defineNuxtPlugin({ name: 'zod-jitless', setup() {} })
