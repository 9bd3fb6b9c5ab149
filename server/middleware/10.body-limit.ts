import { getHeader, setResponseStatus } from 'h3'
import { useConfig } from '../config'

/** Declared bodies over MAX_BODY_BYTES are refused before anything reads them; chunked bodies are capped while read. */
export default defineEventHandler((event) => {
  const length = Number(getHeader(event, 'content-length') ?? 0)
  if (length > useConfig().maxBodyBytes) {
    setResponseStatus(event, 413)
    return { detail: `Request body too large (limit ${useConfig().maxBodyBytes} bytes)` }
  }
})
