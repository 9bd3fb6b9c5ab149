import { z } from 'zod'
import { BackupListQuery, BackupResponse } from '#shared/schemas/modules'
import { listBackups } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listModuleBackups', permission: 'module.read', query: BackupListQuery, response: z.array(BackupResponse), tags: ['modules'],
  summary: 'Module backups', description: 'The JSON backups uninstall wrote to BACKUP_DIR/modules, newest first.',
}, (_ctx, { query }) => listBackups(query.module))
