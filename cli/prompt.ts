import { CliError } from './errors'

/** Thrown when a command would need to ask but stdin is not a terminal. */
export const noTerminal = (hint: string) => new CliError(`no terminal: ${hint}`)

/**
 * Reads a secret from the terminal with echo off (raw mode: the typed characters are never
 * written back), one line. Backspace edits; Ctrl-C and Ctrl-D cancel.
 */
export function readHidden(question: string, hint = 'pass --password-stdin'): Promise<string> {
  const { stdin, stderr } = process
  if (!stdin.isTTY) return Promise.reject(noTerminal(hint))
  // echo off before the question appears, so nothing typed after it is ever shown
  stdin.setRawMode(true)
  stderr.write(question)
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (error?: Error) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i]!
        if (ch === '\r' || ch === '\n') {
          // keep what was typed ahead (the confirmation) for the next read
          const rest = chunk.slice(i + 1).replace(/^\n/, '')
          if (rest) stdin.unshift(rest)
          return finish()
        }
        if (ch === '\u0003' || ch === '\u0004') return finish(new CliError('Cancelled'))
        if (ch === '\u007F' || ch === '\b') value = value.slice(0, -1)
        else if (ch === '\u0015') value = ''
        else if (ch >= ' ') value += ch
      }
    }
    stdin.setEncoding('utf8')
    stdin.on('data', onData)
    stdin.resume()
  })
}

/** Asks twice and compares; `check` (a policy) refuses a password before it is asked again. */
export async function readNewPassword(label = 'Password', hint?: string, check?: (password: string) => string | undefined) {
  const password = await readHidden(`${label}: `, hint)
  if (!password) throw new CliError('The password is empty')
  const problem = check?.(password)
  if (problem) throw new CliError(problem)
  const again = await readHidden(`${label} (again): `, hint)
  if (password !== again) throw new CliError('The passwords do not match')
  return password
}

/** The password piped to stdin (`--password-stdin`): its first line, without the line break. */
export async function readPasswordFromStdin() {
  // typed at a terminal: still never echoed
  if (process.stdin.isTTY) return readHidden('Password: ')
  let text = ''
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin) text += chunk
  const password = text.split(/\r?\n/)[0] ?? ''
  if (!password) throw new CliError('--password-stdin: nothing was read from stdin')
  return password
}

/** One line of visible input (user name, e-mail) from the terminal. */
export async function readLine(question: string, hint: string) {
  if (!process.stdin.isTTY) throw noTerminal(hint)
  const { createInterface } = await import('node:readline/promises')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return (await rl.question(question)).trim()
  }
  finally {
    rl.close()
  }
}
