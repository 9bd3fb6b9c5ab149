import { z } from 'zod'
import { AccessibleMenu } from '#shared/schemas/menu'
import { accessibleMenus } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'listAccessibleMenus', response: z.array(AccessibleMenu), tags: ['menus'], summary: 'Menus the caller can open, with create/edit/delete flags',
  description: 'Permission-derived access, OR-merged with group menu grants; the user\'s own menu permissions override both.',
}, ctx => accessibleMenus(ctx))
