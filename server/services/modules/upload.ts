import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { ModuleName } from '../../../shared/schemas/modules'
import { useConfig } from '../../config'
import { modules, moduleOperations } from '../../db/schema'
import type { ServiceContext } from '../../kernel/context'
import { AppError, badRequest, conflict } from '../../kernel/errors'

export const UPLOAD_LIMITS = { maxZipBytes: 50 * 1024 ** 2, maxEntries: 1000, maxUncompressed: 100 * 1024 ** 2, maxName: 255 }

const open = (buffer: Buffer) => new Promise<yauzl.ZipFile>((res, rej) =>
  yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (err, zip) => (err ? rej(err) : res(zip))))

/** Every entry of the archive, read (not extracted) one after another. */
function entries(zip: yauzl.ZipFile) {
  return new Promise<yauzl.Entry[]>((res, rej) => {
    const out: yauzl.Entry[] = []
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e)
      zip.readEntry()
    })
    zip.on('end', () => res(out))
    zip.on('error', rej)
    zip.readEntry()
  })
}

const isSymlink = (e: yauzl.Entry) => ((e.externalFileAttributes >>> 16) & 0o170000) === 0o120000

/** The reasons an archive is refused, before anything is written. */
function check(list: yauzl.Entry[]): string {
  let top: string | undefined
  let total = 0
  for (const e of list) {
    const name = e.fileName
    if (name.length > UPLOAD_LIMITS.maxName) throw badRequest(`An entry name is longer than ${UPLOAD_LIMITS.maxName} characters`)
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) throw badRequest(`Absolute path in the archive: ${name}`)
    if (name.split('/').includes('..')) throw badRequest(`Path with '..' in the archive: ${name}`)
    if (isSymlink(e)) throw badRequest(`Symbolic link in the archive: ${name}`)
    total += e.uncompressedSize
    if (total > UPLOAD_LIMITS.maxUncompressed) throw badRequest(`The archive unpacks to more than ${UPLOAD_LIMITS.maxUncompressed / 1024 ** 2} MB`)
    const first = name.split('/')[0]!
    if (top !== undefined && first !== top) throw badRequest('The archive must hold exactly one top-level folder (the module)')
    if (!name.includes('/')) throw badRequest('The archive must hold exactly one top-level folder (the module)')
    top = first
  }
  if (!top) throw badRequest('The archive is empty')
  if (!ModuleName.safeParse(top).success) throw badRequest(`'${top}' is not a valid module name (lower-case letters, digits and _)`)
  if (!list.some(e => e.fileName === `${top}/fastvue.module.ts`)) throw badRequest(`${top}/fastvue.module.ts is missing`)
  return top
}

/** Counts bytes as they stream, so an entry that lies about its size cannot go past the limit. */
function limiter(budget: { left: number }) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      budget.left -= chunk.length
      done(budget.left < 0 ? new Error('The archive unpacks to more than its declared size') : null, chunk)
    },
  })
}

async function extract(zip: yauzl.ZipFile, list: yauzl.Entry[], dest: string) {
  const budget = { left: UPLOAD_LIMITS.maxUncompressed }
  for (const e of list) {
    const target = resolve(dest, e.fileName)
    if (relative(dest, target).startsWith('..')) throw badRequest(`Path outside the module: ${e.fileName}`)
    if (e.fileName.endsWith('/')) {
      await mkdir(target, { recursive: true })
      continue
    }
    await mkdir(dirname(target), { recursive: true })
    const stream = await new Promise<NodeJS.ReadableStream>((res, rej) => zip.openReadStream(e, (err, s) => (err ? rej(err) : res(s))))
    await pipeline(stream, limiter(budget), createWriteStream(target, { flags: 'wx' }))
  }
}

/**
 * A module ZIP (superusers): checked (one top folder with fastvue.module.ts, no absolute paths,
 * `..`, symlinks, > 1,000 entries, > 100 MB unpacked, names > 255 chars), then unpacked into the
 * modules folder. Layers are compiled: it is installable after `npm run build` and a restart.
 */
export async function uploadModule(ctx: ServiceContext, buffer: Buffer, filename: string) {
  const started = Date.now()
  if (!filename.toLowerCase().endsWith('.zip')) throw badRequest('Upload a .zip file')
  if (buffer.length > UPLOAD_LIMITS.maxZipBytes) throw badRequest(`The file is larger than ${UPLOAD_LIMITS.maxZipBytes / 1024 ** 2} MB`)
  let zip: yauzl.ZipFile
  try {
    zip = await open(buffer)
  }
  catch (error) {
    throw badRequest(`Not a valid ZIP archive: ${(error as Error).message}`)
  }
  try {
    if (zip.entryCount > UPLOAD_LIMITS.maxEntries) throw badRequest(`The archive has more than ${UPLOAD_LIMITS.maxEntries} entries`)
    let list: yauzl.Entry[]
    try {
      list = await entries(zip)
    }
    catch (error) {
      throw badRequest(`The archive was refused: ${(error as Error).message}`)
    }
    const name = check(list)
    const modulesDir = resolve(useConfig().modulesDir)
    const dest = join(modulesDir, name)
    if (existsSync(dest)) throw conflict(`Module folder '${name}' already exists`)
    const tmp = join(modulesDir, `.upload-${randomBytes(6).toString('hex')}`)
    await mkdir(tmp, { recursive: true })
    try {
      await extract(zip, list, tmp)
      await rename(join(tmp, name), dest)
    }
    catch (error) {
      throw error instanceof AppError ? error : badRequest(`The archive could not be unpacked: ${(error as Error).message}`)
    }
    finally {
      await rm(tmp, { recursive: true, force: true })
    }
    await ctx.db.insert(modules).values({ name, state: 'uninstalled', uploadedAt: new Date() }).onConflictDoUpdate({ target: modules.name, set: { uploadedAt: new Date() } })
    await ctx.db.insert(moduleOperations).values({ module: name, operation: 'upload', status: 'success', userId: ctx.user?.id ?? null, startedAt: new Date(started), durationMs: Date.now() - started, details: { files: list.length, filename } })
    return {
      module: name, version: null, path: relative(process.cwd(), dest) || dest, files: list.filter(e => !e.fileName.endsWith('/')).length, needs_rebuild: true as const,
      message: `Module '${name}' was unpacked into ${relative(process.cwd(), dest)}. Modules are compiled into the app: run \`npx fastvue build\` (npm run build) and restart the server, then install it.`,
    }
  }
  finally {
    zip.close()
  }
}
