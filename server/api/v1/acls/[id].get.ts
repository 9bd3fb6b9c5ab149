import { AclResponse } from '#shared/schemas/acl'
import { IdParams } from '#shared/schemas/common'
import { getAcl } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'getAcl', permission: 'acl.read', params: IdParams, response: AclResponse, tags: ['acls'], summary: 'A record ACL',
}, (ctx, { params }) => getAcl(ctx, params.id))
