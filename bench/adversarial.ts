/**
 * Hostile inputs, shared by the benchmark (bench/run.ts) and the robustness
 * test (test/adversarial.test.ts). Each is built on demand from a few lines:
 * none is stored. Sizes are in UTF-16 code units, which for this ASCII input
 * equal bytes.
 */
import type {Format} from '../src/document.js'

/** One hostile input and how it is linted. */
export interface AdversarialCase {
  id: string
  /** What makes it hostile. */
  what: string
  format: Format
  /** Extra lint options (limits raised so that the whole input is really read). */
  options?: {maxParts?: number; maxDepth?: number; maxBytes?: number}
  build(): string
}

const HEAD = 'From: Acme Support <support@acme.example>\r\nTo: ana@example.com\r\nDate: Tue, 4 Mar 2025 10:00:00 +0000\r\nMIME-Version: 1.0\r\n'

/** Every adversarial input named in the speed-and-safety issue. */
export const adversarialCases: readonly AdversarialCase[] = [
  {
    id: 'deep-nesting',
    what: '10,000 nested <div> elements around one sentence',
    format: 'html',
    options: {maxDepth: 20000},
    build: () => `${'<div>'.repeat(10000)}We are sorry: we sent the wrong link.${'</div>'.repeat(10000)}`,
  },
  {
    id: 'deep-nesting-default',
    what: '10,000 nested <div> elements, default maxDepth (content below it is skipped)',
    format: 'html',
    build: () => `<p>We are sorry.</p>${'<div>'.repeat(10000)}Deep text.${'</div>'.repeat(10000)}`,
  },
  {
    id: 'single-word-1mb',
    what: 'a 1 MB single word in a paragraph',
    format: 'html',
    build: () => `<p>We are sorry: ${'a'.repeat(1 << 20)}</p>`,
  },
  {
    id: 'single-word-1mb-text',
    what: 'a 1 MB single word as plain text',
    format: 'text',
    build: () => `Sorry.\n\n${'x'.repeat(1 << 20)}\n`,
  },
  {
    id: 'links-100k',
    what: '100,000 links in one paragraph',
    format: 'html',
    build: () => {
      const parts: string[] = ['<p>We are sorry. ']
      for (let i = 0; i < 100000; i++) parts.push(`<a href="https://acme.example/p/${i}">item ${i}</a> `)
      parts.push('</p>')
      return parts.join('')
    },
  },
  {
    id: 'inline-b-50k',
    what: '50,000 inline <b> tags inside one sentence',
    format: 'html',
    build: () => `<p>We are ${'<b>very</b> '.repeat(50000)}sorry for the wrong link.</p>`,
  },
  {
    id: 'header-line-5mb',
    what: 'a 5 MB Subject header line',
    format: 'eml',
    build: () => `${HEAD}Subject: Sorry ${'x'.repeat(5 * (1 << 20))}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe are sorry for the wrong link.\r\n`,
  },
  {
    id: 'mime-parts-10k',
    what: '10,000 MIME parts (maxParts raised to read them all)',
    format: 'eml',
    options: {maxParts: 20000},
    build: () => mimeParts(10000),
  },
  {
    id: 'mime-parts-10k-default',
    what: '10,000 MIME parts, default maxParts (a clear parse-error)',
    format: 'eml',
    build: () => mimeParts(10000),
  },
  {
    id: 'encoded-words',
    what: 'a Subject header of 50,000 RFC 2047 encoded words',
    format: 'eml',
    build: () => {
      const word = `=?UTF-8?B?${Buffer.from('Przepraszamy ').toString('base64')}?=`
      const words: string[] = []
      for (let i = 0; i < 50000; i++) words.push(word)
      return `${HEAD}Subject: ${words.join('\r\n ')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPrzepraszamy za błędny link.\r\n`
    },
  },
]

function mimeParts(count: number): string {
  const boundary = 'b0undary'
  const parts: string[] = [`${HEAD}Subject: Sorry\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`]
  for (let i = 0; i < count; i++) {
    parts.push(`--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPart ${i}: we are sorry.\r\n`)
  }
  parts.push(`--${boundary}--\r\n`)
  return parts.join('')
}
