import { defineModuleManifest } from '../../shared/modules/manifest'

export default defineModuleManifest({
  name: 'demo',
  version: '1.0.0',
  summary: 'Demo items: a company-scoped example of a module with API, pages, permissions and data',
  description: 'The original FastVue demo module: items with a code, priority, tags and extra data, their REST API under /api/v1/demo/demo-items/, a list and form page, and four seed rows.',
  author: 'FastVue',
  license: 'MIT',
  category: 'Examples',
  application: true,
  icon: 'i-lucide-flask-conical',
  depends: ['base'],
  permissions: {
    'demo_item.read': 'Read demo items',
    'demo_item.create': 'Create demo items',
    'demo_item.update': 'Update demo items',
    'demo_item.delete': 'Delete demo items',
    'demo_item.manage': 'Full control of demo items (implies the other demo_item actions)',
  },
  menus: [{ code: 'demo', name: 'Demo', path: '/demo', icon: 'i-lucide-flask-conical', permission: 'demo_item.read', order: 85 }],
  contentTypes: [{ appLabel: 'demo', model: 'demoitem', name: 'Demo item' }],
  data: ['data/demo_data.json'],
  demo: [],
  grants: {
    administrator: ['demo_item.manage'],
    manager: ['demo_item.read', 'demo_item.create', 'demo_item.update'],
    employee: ['demo_item.read'],
    viewer: ['demo_item.read'],
  },
})
