import { IdParams } from '#shared/schemas/common'
import { FieldPermissionsResponse } from '#shared/schemas/field-permission'
import { getFieldPermissions } from '~~/server/services/field-permissions'

export default defineApiHandler({
  operationId: 'getGroupFieldPermissions', permission: 'group.read', params: IdParams, response: FieldPermissionsResponse, tags: ['groups'],
  summary: 'Field permissions of a group', description: 'Per entity, which fields holders may read and write; restricted=false: no rules (every field).',
}, (ctx, { params }) => getFieldPermissions(ctx, 'group', params.id))
