import { getHeader, setResponseHeader, setResponseStatus } from 'h3'
import { useConfig } from '../config'
import { discardBody } from '../utils/request-body'

/**
 * Declared bodies over MAX_BODY_BYTES are refused before anything parses them (chunked bodies
 * are capped while they are read, in defineApiHandler). The refused body is drained, not kept,
 * so the client reads the 413 instead of a reset connection.
 */
export default defineEventHandler(async (event) => {
  const length = Number(getHeader(event, 'content-length') ?? 0)
  const limit = useConfig().maxBodyBytes
  if (length > limit) {
    setResponseHeader(event, 'Connection', 'close')
    await discardBody(event)
    setResponseStatus(event, 413)
    return { detail: `Request body too large (limit ${limit} bytes)` }
  }
})
