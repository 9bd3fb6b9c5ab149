import { IdParams } from '#shared/schemas/common'
import { MenuPermissionsResponse } from '#shared/schemas/menu'
import { MenuPermissionsQuery } from '#shared/schemas/user'
import { getUserMenuPermissions } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'getUserMenuPermissions', permission: 'user.read', params: IdParams, query: MenuPermissionsQuery, response: MenuPermissionsResponse, tags: ['users'],
  summary: 'A user\'s own menu permissions in a company (default: the caller\'s active company)',
}, (ctx, { params, query }) => getUserMenuPermissions(ctx, params.id, query.company_id))
