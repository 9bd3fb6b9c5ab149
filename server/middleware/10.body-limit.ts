import { getHeader, setResponseHeader, setResponseStatus } from 'h3'
import { useConfig } from '../config'
import { discardBody } from '../utils/request-body'

/**
 * Declared bodies over MAX_BODY_BYTES are refused before anything parses them (chunked bodies
 * are capped while they are read, in defineApiHandler). The refused body is drained, not kept,
 * so the client reads the 413 instead of a reset connection.
 */
/** Routes that take more than a JSON body and check their own, larger limit (a module ZIP: 50 MB). */
const OWN_LIMIT = new Set(['/api/v1/modules/upload'])

export default defineEventHandler(async (event) => {
  if (OWN_LIMIT.has(event.path.split('?')[0]!.replace(/(.)\/$/, '$1'))) return
  const length = Number(getHeader(event, 'content-length') ?? 0)
  const limit = useConfig().maxBodyBytes
  if (length > limit) {
    setResponseHeader(event, 'Connection', 'close')
    await discardBody(event)
    setResponseStatus(event, 413)
    return { detail: `Request body too large (limit ${limit} bytes)` }
  }
})
