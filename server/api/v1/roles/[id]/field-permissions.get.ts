import { IdParams } from '#shared/schemas/common'
import { FieldPermissionsResponse } from '#shared/schemas/field-permission'
import { getFieldPermissions } from '~~/server/services/field-permissions'

export default defineApiHandler({
  operationId: 'getRoleFieldPermissions', permission: 'role.read', params: IdParams, response: FieldPermissionsResponse, tags: ['roles'],
  summary: 'Field permissions of a role', description: 'Per entity, which fields holders may read and write; restricted=false: no rules (every field).',
}, (ctx, { params }) => getFieldPermissions(ctx, 'role', params.id))
