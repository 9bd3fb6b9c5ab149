import { z } from 'zod'
import { MenuTreeNode } from '#shared/schemas/menu'
import { menuTree } from '~~/server/services/menus'

export default defineApiHandler({
  operationId: 'getMenuTree', response: z.array(MenuTreeNode), tags: ['menus'], summary: 'Menu tree the caller may see', description: 'Items whose permission the caller holds, with their parents.',
}, ctx => menuTree(ctx))
