import type { H3Event } from 'h3'

/** The most a refused body is drained before the connection is cut (more is not worth reading). */
export const DRAIN_MAX = 64 * 1024 * 1024

/** Reads a request body to its end without keeping it; gives up (closing the socket) past DRAIN_MAX bytes. */
export async function discardBody(event: H3Event) {
  const req = event.node.req
  if (req.readableEnded || typeof req.on !== 'function') return
  let seen = 0
  for await (const chunk of req) {
    seen += (chunk as Buffer).length
    if (seen > DRAIN_MAX) {
      req.destroy()
      return
    }
  }
}
