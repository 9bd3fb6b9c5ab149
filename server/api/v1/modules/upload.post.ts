import { getHeader, readMultipartFormData, setResponseStatus } from 'h3'
import { discardBody } from '~~/server/utils/request-body'
import { UploadResult } from '#shared/schemas/modules'
import { uploadModule } from '~~/server/services/modules'
import { UPLOAD_LIMITS } from '~~/server/services/modules/upload'
import { AppError, fieldError } from '~~/server/kernel/errors'

export default defineApiHandler({
  operationId: 'uploadModule', errors: [409], multipart: { file: 'The module as a ZIP archive: one top-level folder with fastvue.module.ts' }, superuser: true, response: UploadResult, tags: ['modules'],
  summary: 'Upload a module ZIP (multipart field `file`, at most 50 MB)',
  description: 'One top-level folder with fastvue.module.ts; absolute paths, `..`, symlinks, more than 1,000 entries, more than 100 MB unpacked and names over 255 characters are refused (400). The module lands in the modules folder and needs `npx fastvue build` and a restart before it can be installed.',
}, async (ctx, _input, event) => {
  if (Number(getHeader(event, 'content-length') ?? 0) > UPLOAD_LIMITS.maxZipBytes + 64 * 1024) {
    setResponseStatus(event, 413)
    return { detail: 'The upload is larger than 50 MB' }
  }
  if (!/^multipart\/form-data\s*;/i.test(getHeader(event, 'content-type') ?? '')) {
    await discardBody(event)
    throw new AppError('unsupported_media_type', 'Send the module as multipart/form-data with the ZIP in the field `file`')
  }
  const file = (await readMultipartFormData(event))?.find(p => p.name === 'file' && p.filename)
  if (!file) throw fieldError(['body', 'file'], 'Required: the module as a ZIP file', 'missing')
  return uploadModule(ctx, file.data, file.filename!)
})
