import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { createEvent } from 'h3'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCache } from '../../server/kernel/cache'
import { AppError, isUnavailable, notFound } from '../../server/kernel/errors'
import { sendApiError } from '../../server/utils/api-handler'
import { freePort } from '../helpers/server'

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  }
  catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

// one PGlite for the file (starting one costs seconds, in the hook's longer time-out): used, then closed
let pglite: PGlite
let closedPglite: unknown
beforeAll(async () => {
  pglite = new PGlite()
  await pglite.waitReady
})
afterAll(async () => {
  if (!pglite.closed) await pglite.close()
})

describe('isUnavailable: a backing service that cannot be reached, as the drivers report it', () => {
  it('PostgreSQL refusing connections (postgres.js through drizzle)', async () => {
    const client = postgres(`postgres://postgres@127.0.0.1:${await freePort()}/x`, { max: 1, connect_timeout: 2, onnotice: () => {} })
    const error = await failure(drizzlePostgres(client).execute(sql`select 1`))
    await client.end()
    expect(isUnavailable(error)).toBe(true)
  })

  it.each(['57P01', '57P03', '08006', '53300'])('PostgreSQL SQLSTATE %s (shutting down, starting up, connection failure, too many connections)', (code) => {
    expect(isUnavailable(Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error('x'), { code }) }))).toBe(true)
  })

  it('Redis refusing connections (the cache client fails fast instead of queueing)', async () => {
    const cache = openCache(`redis://127.0.0.1:${await freePort()}`, 'fastvue-nowhere')
    const t0 = performance.now()
    const error = await failure(cache.storage.getItem('x'))
    expect(performance.now() - t0).toBeLessThan(500)
    await cache.close()
    expect(isUnavailable(error)).toBe(true)
  })

  it('is false for errors of the request or the code', async () => {
    const db = drizzlePglite(pglite)
    await db.execute(sql`create table t (id int primary key)`)
    await db.execute(sql`insert into t values (1)`)
    expect(isUnavailable(await failure(db.execute(sql`insert into t values (1)`)))).toBe(false)
    expect(isUnavailable(await failure(db.execute(sql`select nope from t`)))).toBe(false)
    expect(isUnavailable(new TypeError('x is undefined'))).toBe(false)
    expect(isUnavailable(notFound('User not found'))).toBe(false)
    expect(isUnavailable(new AppError('unavailable', 'Try later'))).toBe(true)
  })

  it('a closed PGlite (the embedded database shut down)', async () => {
    const db = drizzlePglite(pglite)
    await db.execute(sql`select 1`)
    await pglite.close()
    closedPglite = await failure(db.execute(sql`select 1`))
    expect(isUnavailable(closedPglite)).toBe(true)
  })
})

describe('sendApiError', () => {
  function event() {
    const req = new IncomingMessage(new Socket())
    req.method = 'GET'
    req.url = '/api/v1/users/'
    return createEvent(req, new ServerResponse(req))
  }

  it('answers 503 "Service temporarily unavailable" (not 500) when the database or cache is unreachable', () => {
    const e = event()
    expect(sendApiError(e, closedPglite)).toEqual({ detail: 'Service temporarily unavailable' })
    expect(e.node.res.statusCode).toBe(503)
    expect(String(e.node.res.getHeader('retry-after'))).toBe('5')
  })

  it('still answers 500 for a bug', () => {
    const e = event()
    expect(sendApiError(e, new TypeError('boom'))).toEqual({ detail: 'Internal Server Error' })
    expect(e.node.res.statusCode).toBe(500)
  })
})
