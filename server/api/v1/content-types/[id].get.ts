import { IdParams } from '#shared/schemas/common'
import { ContentTypeResponse } from '#shared/schemas/menu'
import { getContentType } from '~~/server/services/content-types'

export default defineApiHandler({
  operationId: 'getContentType', params: IdParams, response: ContentTypeResponse, tags: ['rbac'], summary: 'One content type',
}, (ctx, { params }) => getContentType(ctx, params.id))
