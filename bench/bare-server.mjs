// The bare comparison server of the users-list benchmark: h3 + postgres.js, no authentication,
// permission check, validation or logging, running the SQL FastVue runs per request in its
// steady state (the page query; the total is cached in memory like FastVue's, until the benchmark,
// having seeded more users, posts to /reset). `/users-rls` runs the same page the way FastVue runs a
// Manager's request under row-level security: one transaction, FastVue's own context statement
// (passed in as JSON {sql, params}, generated from server/kernel/rls.ts), the page, commit.
// Usage: node bench/bare-server.mjs <port> <database url> <company id> [<context statement JSON>]
import { createServer } from 'node:http'
import { createApp, createRouter, defineEventHandler, getQuery, toNodeListener } from 'h3'
import postgres from 'postgres'

const [port, url, company, context] = process.argv.slice(2)
const CONTEXT = context ? JSON.parse(context) : null
const sql = postgres(url, { max: 20, onnotice: () => {} })

const PAGE = `select "id", "email", "username", "full_name", "avatar_url", "bio", "phone", "location", "website", "timezone", "language",
  "is_active", "is_verified", "is_superuser", "current_company_id", "last_login_at", "last_login_ip", "password_changed_at",
  "must_change_password", "two_factor_enabled", "created_at", "updated_at",
  (select max(la.locked_until) from "login_attempts" la where la.user_id = "users"."id" and la.locked_until > now())
  from "users" where ("users"."is_deleted" = false and "users"."id" in (select m.user_id from "user_company_roles" m where m.company_id = $1 and m.is_active = true))
  order by "users"."id" asc limit $2 offset $3`
const COUNT = `select count(*)::int as n from "users" where ("users"."is_deleted" = false and "users"."id" in (select m.user_id from "user_company_roles" m where m.company_id = $1 and m.is_active = true))`

const iso = d => (d ? new Date(d).toISOString() : null)
let total
const app = createApp()
const router = createRouter()
const list = rls => defineEventHandler(async (event) => {
  const q = getQuery(event)
  const size = Number(q.page_size ?? 20)
  const page = Number(q.page ?? 1)
  total ??= (await sql.unsafe(COUNT, [company], { prepare: true }))[0].n
  const pageOf = db => db.unsafe(PAGE, [company, size, (page - 1) * size], { prepare: true })
  const rows = rls
    ? await sql.begin(async (tx) => {
        await tx.unsafe(CONTEXT.sql, CONTEXT.params, { prepare: true })
        return pageOf(tx)
      })
    : await pageOf(sql)
  return {
    total,
    items: rows.map(u => ({
      id: u.id, email: u.email, username: u.username, full_name: u.full_name, avatar_url: u.avatar_url, phone: u.phone, bio: u.bio,
      location: u.location, website: u.website, timezone: u.timezone, language: u.language, is_active: u.is_active, is_verified: u.is_verified,
      is_superuser: u.is_superuser, current_company_id: u.current_company_id, last_login_at: iso(u.last_login_at), created_at: iso(u.created_at),
      updated_at: iso(u.updated_at), last_login_ip: u.last_login_ip, password_changed_at: iso(u.password_changed_at),
      must_change_password: u.must_change_password, two_factor_enabled: u.two_factor_enabled, locked: u.max !== null && new Date(u.max) > new Date(), locked_until: iso(u.max),
    })),
    page,
    page_size: size,
  }
})
router.get('/users', list(false))
if (CONTEXT) router.get('/users-rls', list(true))
router.post('/reset', defineEventHandler(() => {
  total = undefined
  return { ok: true }
}))
app.use(router)
createServer(toNodeListener(app)).listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`))
