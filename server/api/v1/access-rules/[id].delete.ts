import { IdParams } from '#shared/schemas/common'
import { deleteAccessRule } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'deleteAccessRule', permission: 'access_rule.delete', params: IdParams, status: 204, tags: ['rbac'], summary: 'Delete an access rule',
}, (ctx, { params }) => deleteAccessRule(ctx, params.id))
