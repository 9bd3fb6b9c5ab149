import { z } from 'zod'
import { accessibleMenuCodes } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'listAccessibleMenuCodes', response: z.array(z.string()), tags: ['menus'], summary: 'Codes of the menus the caller can open',
}, ctx => accessibleMenuCodes(ctx))
