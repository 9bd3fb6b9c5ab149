import { z } from 'zod'
import { MenuItemResponse } from '#shared/schemas/menu'
import { menuFlat } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'listMenusFlat', response: z.array(MenuItemResponse), tags: ['menus'], summary: 'Menu items the caller may see, flat',
}, ctx => menuFlat(ctx))
