import { AclResponse, AclUpdate } from '#shared/schemas/acl'
import { IdParams } from '#shared/schemas/common'
import { updateAcl } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'updateAcl', errors: [409], permission: 'acl.update', params: IdParams, body: AclUpdate, response: AclResponse, tags: ['acls'], summary: 'Update a record ACL',
}, (ctx, { params, body }) => updateAcl(ctx, params.id, body))
