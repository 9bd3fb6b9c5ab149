import { AclCreate, AclResponse } from '#shared/schemas/acl'
import { createAcl } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'createAcl', errors: [409], permission: 'acl.create', body: AclCreate, response: AclResponse, status: 201, tags: ['acls'], summary: 'Create a record ACL',
}, (ctx, { body }) => createAcl(ctx, body))
