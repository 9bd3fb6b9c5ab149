import { IdParams } from '#shared/schemas/common'
import { EntityFieldPermissions, FieldPermissionsUpdate } from '#shared/schemas/field-permission'
import { setFieldPermissions } from '~~/server/services/field-permissions'

export default defineApiHandler({
  operationId: 'setGroupFieldPermissions', permission: 'group.update', params: IdParams, body: FieldPermissionsUpdate, response: EntityFieldPermissions, tags: ['groups'],
  summary: 'Replace one entity\'s field permissions of a group',
  description: 'restricted=true: holders read and write only the fields marked (id stays readable); restricted=false: no rules. Nobody grants field access they do not hold.',
}, (ctx, { params, body }) => setFieldPermissions(ctx, 'group', params.id, body))
