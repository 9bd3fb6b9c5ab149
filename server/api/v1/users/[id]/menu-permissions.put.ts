import { z } from 'zod'
import { IdParams } from '#shared/schemas/common'
import { MenuPermissionsBody, MenuPermissionsQuery } from '#shared/schemas/user'
import { setUserMenuPermissions } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'setUserMenuPermissions', permission: 'user.manage', params: IdParams, query: MenuPermissionsQuery, body: MenuPermissionsBody,
  response: z.object({ success: z.boolean(), message: z.string() }), tags: ['users'],
  summary: 'Replace a user\'s menu permissions in a company', description: 'Body: a JSON array of {code, can_view, can_create, can_edit, can_delete}; 400 on unknown codes.',
}, (ctx, { params, query, body }) => setUserMenuPermissions(ctx, params.id, query.company_id, body))
