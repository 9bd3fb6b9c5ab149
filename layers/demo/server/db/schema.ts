import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { companies, users } from '../../../../server/db/schema'

/** The original's DemoItem, company-scoped: codes are unique within a company. */
export const demoItems = pgTable('demo_items', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
  code: varchar('code', { length: 50 }).notNull(),
  description: text('description'),
  isActive: boolean('is_active').notNull().default(true),
  priority: integer('priority').notNull().default(0),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  extraData: jsonb('extra_data').$type<Record<string, unknown>>().notNull().default({}),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
}, t => [
  uniqueIndex('demo_items_company_code_unique').on(t.companyId, t.code),
  index('demo_items_company_priority_idx').on(t.companyId, t.priority),
])
