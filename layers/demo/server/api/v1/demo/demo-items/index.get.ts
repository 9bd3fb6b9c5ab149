import { DemoItemList, DemoItemListQuery } from '../../../../../shared/demo-items'
import { listDemoItems } from '../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'listDemoItems', permission: 'demo_item.read', query: DemoItemListQuery, response: DemoItemList, tags: ['demo'],
  summary: 'List demo items', description: 'Highest priority first; filters: is_active, search (name or code), tag.',
}, (ctx, { query }) => listDemoItems(ctx, query))
