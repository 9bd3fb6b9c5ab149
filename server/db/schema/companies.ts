import { boolean, foreignKey, index, integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { timestamps } from '../columns'
import { users } from './users'

export const companies = pgTable('companies', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  code: varchar('code', { length: 50 }).notNull().unique(),
  description: text('description'),
  parentCompanyId: integer('parent_company_id'),
  address: varchar('address', { length: 500 }),
  city: varchar('city', { length: 100 }),
  state: varchar('state', { length: 100 }),
  country: varchar('country', { length: 100 }),
  zipCode: varchar('zip_code', { length: 20 }),
  phone: varchar('phone', { length: 50 }),
  email: varchar('email', { length: 255 }),
  website: varchar('website', { length: 255 }),
  taxId: varchar('tax_id', { length: 50 }),
  registrationNumber: varchar('registration_number', { length: 100 }),
  dateFormat: varchar('date_format', { length: 20 }).default('YYYY-MM-DD'),
  timeFormat: varchar('time_format', { length: 20 }).default('HH:mm:ss'),
  timezone: varchar('timezone', { length: 50 }).default('UTC'),
  currency: varchar('currency', { length: 10 }).default('USD'),
  logoUrl: varchar('logo_url', { length: 500 }),
  isActive: boolean('is_active').notNull().default(true),
  isHeadquarters: boolean('is_headquarters').notNull().default(false),
  /** members must enrol in two-factor authentication before they may use the API in this company */
  require2fa: boolean('require_2fa').notNull().default(false),
  createdBy: integer('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  updatedBy: integer('updated_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  ...timestamps,
}, t => [
  foreignKey({ columns: [t.parentCompanyId], foreignColumns: [t.id] }).onDelete('set null'),
  index('companies_parent_idx').on(t.parentCompanyId),
])
