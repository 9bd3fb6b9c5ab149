import { z } from 'zod'
import { IdParams } from '#shared/schemas/common'
import { MenuCodesBody } from '#shared/schemas/group'
import { setGroupMenuCodes } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'setGroupMenuCodes', permission: 'group.manage', params: IdParams, body: MenuCodesBody, response: z.object({ success: z.boolean() }), tags: ['groups'],
  summary: 'Replace the menu codes a group opens', description: 'Body: a JSON array of menu codes; 400 on unknown codes.',
}, (ctx, { params, body }) => setGroupMenuCodes(ctx, params.id, body))
