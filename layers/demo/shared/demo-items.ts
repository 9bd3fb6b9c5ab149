import { z } from 'zod'

const tags = z.array(z.string().trim().min(1).max(50)).max(50)
const extra = z.record(z.string(), z.unknown())

export const DemoItemCreate = z.object({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'Letters, digits and _ . -'),
  description: z.string().max(10_000).nullish(),
  is_active: z.boolean().optional(),
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  tags: tags.optional(),
  extra_data: extra.optional(),
}).strict()
export type DemoItemCreateInput = z.infer<typeof DemoItemCreate>

export const DemoItemUpdate = DemoItemCreate.omit({ code: true }).partial().strict()
export type DemoItemUpdateInput = z.infer<typeof DemoItemUpdate>

export const DemoItemListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  is_active: z.enum(['true', 'false']).transform(v => v === 'true').optional(),
  search: z.string().max(100).optional(),
  tag: z.string().max(50).optional(),
})
export type DemoItemListQueryInput = z.infer<typeof DemoItemListQuery>

export const DemoItemResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  is_active: z.boolean(),
  priority: z.number().int(),
  tags: z.array(z.string()),
  extra_data: extra,
  company_id: z.number().int().nullable(),
  created_by_id: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string().nullable(),
})
export type DemoItemResponse = z.infer<typeof DemoItemResponse>

export const DemoItemList = z.object({ total: z.number().int(), items: z.array(DemoItemResponse), page: z.number().int(), page_size: z.number().int() })

export const DemoItemIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
export const DemoItemCodeParams = z.object({ code: z.string().min(1).max(50) })
