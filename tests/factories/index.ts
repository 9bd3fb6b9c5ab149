import { faker } from '@faker-js/faker'
import { eq } from 'drizzle-orm'
import { Factory } from 'fishery'
import type { Db } from '../../server/db/client'
import { companies, groups, permissions, roles, userCompanyRoles, users } from '../../server/db/schema'
import { hashPassword } from '../../server/kernel/auth/passwords'

export const TEST_PASSWORD = 'TestPass123!'
let hashed: Promise<string> | undefined
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD))

interface Transient { db: Db }
const need = (db: Db | undefined) => {
  if (!db) throw new Error('factory needs transient { db }')
  return db
}

/** userFactory.transient({ db }).create({ isSuperuser: true }) -> inserted users row (password TEST_PASSWORD) */
export const userFactory = Factory.define<typeof users.$inferSelect, Transient>(({ sequence, transientParams, onCreate, params }) => {
  onCreate(async (u) => {
    const { id: _id, ...row } = u
    const [created] = await need(transientParams.db).insert(users).values({ ...row, hashedPassword: params.hashedPassword ?? await testHash() }).returning()
    return created!
  })
  const username = `${faker.internet.username().replace(/[^A-Za-z0-9_]/g, '').slice(0, 20) || 'user'}_${sequence}`
  return {
    id: 0, email: `${username.toLowerCase()}@example.test`, username, fullName: faker.person.fullName(), hashedPassword: '',
    avatarUrl: null, bio: null, phone: null, location: null, website: null, timezone: 'UTC', language: 'en', isActive: true, isVerified: true, emailVerifiedAt: null,
    isSuperuser: false, currentCompanyId: null, failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: null, lastLoginIp: null,
    passwordChangedAt: null, mustChangePassword: false, twoFactorEnabled: false, metadataJson: {}, tags: [], createdBy: null, updatedBy: null,
    isDeleted: false, deletedAt: null, deletedBy: null, createdAt: new Date(), updatedAt: null,
  }
})

export const companyFactory = Factory.define<typeof companies.$inferInsert & { id?: number }, Transient, typeof companies.$inferSelect>(({ sequence, transientParams, onCreate }) => {
  onCreate(async (c) => {
    const [created] = await need(transientParams.db).insert(companies).values(c).returning()
    return created!
  })
  return { name: faker.company.name(), code: `C${sequence}-${faker.string.alphanumeric(5).toUpperCase()}` }
})

export const roleFactory = Factory.define<typeof roles.$inferInsert, Transient, typeof roles.$inferSelect>(({ sequence, transientParams, onCreate }) => {
  onCreate(async (r) => {
    const [created] = await need(transientParams.db).insert(roles).values(r).returning()
    return created!
  })
  return { name: `Role ${sequence}`, codename: `role_${sequence}_${faker.string.alphanumeric(4).toLowerCase()}` }
})

export const groupFactory = Factory.define<typeof groups.$inferInsert, Transient, typeof groups.$inferSelect>(({ sequence, transientParams, onCreate }) => {
  onCreate(async (g) => {
    const [created] = await need(transientParams.db).insert(groups).values(g).returning()
    return created!
  })
  return { name: `Group ${sequence}`, codename: `group_${sequence}_${faker.string.alphanumeric(4).toLowerCase()}` }
})

export const permissionFactory = Factory.define<typeof permissions.$inferInsert, Transient, typeof permissions.$inferSelect>(({ sequence, transientParams, onCreate }) => {
  onCreate(async (p) => {
    const [created] = await need(transientParams.db).insert(permissions).values(p).returning()
    return created!
  })
  const resource = `thing${sequence}`
  return { codename: `${resource}.read`, name: `${resource}.read`, category: 'system', action: 'read', resource }
})

/** Put a user in a company with a role (and make it their current company). */
export async function assignRole(db: Db, userId: number, companyId: number, roleId: number) {
  await db.insert(userCompanyRoles).values({ userId, companyId, roleId, isDefault: true })
  await db.update(users).set({ currentCompanyId: companyId }).where(eq(users.id, userId))
}
