import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data?: Buffer | string
  /** a symbolic link entry (unix mode 120777) */
  symlink?: boolean
  /** lie about the unpacked size in the headers */
  declaredSize?: number
}

/**
 * Writes a ZIP by hand, so tests can build archives no well-behaved zip library would
 * (absolute paths, `..`, symlinks, lying sizes).
 */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '')
    const body = deflateRawSync(raw)
    const name = Buffer.from(e.name, 'utf8')
    const crc = crc32(raw)
    const size = e.declaredSize ?? raw.length
    const mode = e.symlink ? 0o120777 : e.name.endsWith('/') ? 0o40755 : 0o100644
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034B50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014B50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054B50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** A minimal valid module folder inside a ZIP. */
export function moduleZip(name: string, extra: ZipEntry[] = []) {
  return makeZip([
    { name: `${name}/` },
    { name: `${name}/nuxt.config.ts`, data: 'export default defineNuxtConfig({})\n' },
    { name: `${name}/fastvue.module.ts`, data: `export default { name: '${name}', version: '1.0.0', summary: 'Uploaded', depends: ['base'], permissions: {}, menus: [], contentTypes: [], data: [], demo: [] }\n` },
    ...extra,
  ])
}
