import { z } from 'zod'
import { ContentTypeResponse } from '#shared/schemas/menu'
import { listContentTypes } from '~~/server/services/content-types'

export default defineApiHandler({
  operationId: 'listContentTypes', response: z.array(ContentTypeResponse), tags: ['rbac'], summary: 'Content types (models access rules apply to)',
}, ctx => listContentTypes(ctx))
