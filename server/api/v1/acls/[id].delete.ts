import { IdParams } from '#shared/schemas/common'
import { deleteAcl } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'deleteAcl', permission: 'acl.delete', params: IdParams, status: 204, tags: ['acls'], summary: 'Delete a record ACL',
}, (ctx, { params }) => deleteAcl(ctx, params.id))
