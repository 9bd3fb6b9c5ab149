import { RoleCreate, RoleResponse } from '#shared/schemas/role'
import { createRole } from '~~/server/services/roles'

export default defineApiHandler({
  entity: 'role', operationId: 'createRole', errors: [409], permission: 'role.create', body: RoleCreate, response: RoleResponse, status: 201, tags: ['roles'],
  summary: 'Create a role', description: 'Non-superusers create roles in their companies and may only include permissions they hold.',
}, (ctx, { body }) => createRole(ctx, body))
