import { pageOf } from '#shared/schemas/common'
import { RoleListQuery, RoleResponse } from '#shared/schemas/role'
import { listRoles } from '~~/server/services/roles'

export default defineApiHandler({
  entity: 'role', operationId: 'listRoles', permission: 'role.read', query: RoleListQuery, response: pageOf(RoleResponse), tags: ['roles'],
  summary: 'List roles', description: 'Global roles and roles of the caller\'s companies; company_id shows that company\'s roles and the global ones.',
}, (ctx, { query }) => listRoles(ctx, query))
