import { IdParams } from '#shared/schemas/common'
import { deleteRlsPolicy } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'deleteRlsPolicy', superuser: true, params: IdParams, status: 204, tags: ['rls'], summary: 'Delete a managed row-level-security policy and drop its PostgreSQL policy',
}, (ctx, { params }) => deleteRlsPolicy(ctx, params.id))
