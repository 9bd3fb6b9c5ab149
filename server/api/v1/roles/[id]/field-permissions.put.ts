import { IdParams } from '#shared/schemas/common'
import { EntityFieldPermissions, FieldPermissionsUpdate } from '#shared/schemas/field-permission'
import { setFieldPermissions } from '~~/server/services/field-permissions'

export default defineApiHandler({
  operationId: 'setRoleFieldPermissions', permission: 'role.update', params: IdParams, body: FieldPermissionsUpdate, response: EntityFieldPermissions, tags: ['roles'],
  summary: 'Replace one entity\'s field permissions of a role',
  description: 'restricted=true: holders read and write only the fields marked (id stays readable); restricted=false: no rules. Nobody grants field access they do not hold.',
}, (ctx, { params, body }) => setFieldPermissions(ctx, 'role', params.id, body))
