import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  repository?: {url?: string}
  homepage?: string
  bugs?: {url?: string}
}

describe('package.json', () => {
  it('declares the repository that rule docs links point at', async () => {
    const result = await lint('<p>Please do not reply.</p>', {format: 'html', rules: {'no-reply-sender': 'error'}})
    const url = result.diagnostics[0]!.url
    const repo = /^https:\/\/github\.com\/[^/]+\/[^/]+/.exec(url)![0]
    expect(pkg.repository?.url).toBe(`git+${repo}.git`)
    expect(pkg.homepage?.startsWith(repo)).toBe(true)
    expect(pkg.bugs?.url).toBe(`${repo}/issues`)
  })
})
