/**
 * no-reply-sender: the apology must come from an address people can answer.
 */
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {Address, Header} from '../../src/document.js'
import {normalizeWord, type PhraseEntry} from '../../src/language.js'
import en from './en.js'
import pl from './pl.js'

/** A phrase telling readers not to reply; `end` phrases count only when they close the sentence. */
export interface NoReplyPhrase extends PhraseEntry {
  end?: boolean
}

/** This rule's data per language. */
export interface NoReplyLexicon {
  /** Display names that announce a no-reply sender. */
  displayNames: string[]
  /** An example line inviting replies, in the email's language; `{address}` is the suggested address. */
  replyExample: string
  phrases: NoReplyPhrase[]
}

/*
 * Local parts that cannot take replies, compared after removing separators
 * (`no-reply`, `no_reply`, `no.reply` → `noreply`). Language-neutral: Polish
 * senders use `nie-odpowiadaj@` and `brak-odpowiedzi@`.
 */
const NO_REPLY_LOCAL = [
  'noreply',
  'donotreply',
  'dontreply',
  'noresponse',
  'donotrespond',
  'mailerdaemon',
  'nieodpowiadaj',
  'nieodpisuj',
  'brakodpowiedzi',
  'bezodpowiedzi',
]
const BOUNCE_LOCAL = /^bounces?(?:$|[+._-])/

/** True when an address's local part cannot receive replies. */
export function isNoReplyAddress(address: string): boolean {
  const at = address.lastIndexOf('@')
  const local = (at >= 0 ? address.slice(0, at) : address).toLowerCase()
  if (BOUNCE_LOCAL.test(local)) return true
  const squashed = local.replace(/[-_.+]/g, '')
  return NO_REPLY_LOCAL.some((p) => squashed.includes(p))
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[-_.\s'’]+/g, '')
}

const HEADER_LABEL: Record<Address['header'], string> = {from: 'From', 'reply-to': 'Reply-To', sender: 'Sender'}

export default defineRule({
  id: 'no-reply-sender',
  // Sender, layout or incident settings: no words of the email's language needed.
  structural: true,
  severity: 'error',
  languages: {en, pl},
  docs: {
    summary: 'Send the apology from an address that people can reply to.',
    why: 'Readers with a question or a complaint hit a wall, and a no-reply sender looks as if the company is hiding behind the mistake.',
    fix: 'Send from (or set Reply-To to) a monitored address such as support@ your domain, and invite replies.',
  },
  options: z
    .object({
      allowAddresses: z.array(z.string()).default([]).describe('Addresses to accept even though they look like no-reply ones.'),
      checkBody: z.boolean().default(true).describe('Also flag body text that tells readers not to reply.'),
    })
    .strict(),
  messages: {
    address: '{header} address `{address}` cannot receive replies: use `{suggestion}`.',
    displayName: 'Sender name `{name}` tells readers not to reply.',
    body: '`{phrase}` tells angry readers they cannot answer.',
  },
  notes: {
    address:
      'After a mistake readers have questions; a no-reply address leaves them no way to reach a person. Send from a monitored address such as `{suggestion}`.',
    displayName: 'Readers who cannot answer an apology feel shut out. Use the brand or team name (e.g. `{brand} Support`) and a monitored address.',
    body: 'After a mistake readers have questions; shutting the door makes them angrier. Remove it and say how to reach a person. For example: "{example}"',
  },
  create(context) {
    const {document, lexicon, options} = context
    const allowed = new Set(options.allowAddresses.map((a) => a.toLowerCase()))
    const brand = context.settings.brand
    const fromAddress = document.addresses.find((a) => a.header === 'from')?.address ?? ''
    const domain = brand?.domains?.[0] ?? (fromAddress.includes('@') ? fromAddress.slice(fromAddress.lastIndexOf('@') + 1) : 'your-domain.example')
    const suggestion = brand?.supportAddress ?? `support@${domain}`
    const displayNames = new Set(lexicon.displayNames.map(squash))

    for (const address of document.addresses) {
      const label = HEADER_LABEL[address.header]
      if (isNoReplyAddress(address.address) && !allowed.has(address.address.toLowerCase())) {
        const where = locate(address.field, address.address)
        const report = {
          messageId: 'address',
          data: {header: label, address: address.address, suggestion},
          ...(where ? {range: document.lines.range(where[0], where[1])} : address.field ? {at: 0} : {location: address.header}),
        }
        // Replacing a no-reply Reply-To with the configured support address is safe: it only adds a way to answer.
        if (where && brand?.supportAddress) {
          context.report({
            ...report,
            suggestions: [
              {
                text: `Replace with ${brand.supportAddress}`,
                replacement: brand.supportAddress,
                range: document.lines.range(where[0], where[1]),
                safe: address.header === 'reply-to',
              },
            ],
          })
        } else context.report(report)
        continue
      }
      if (address.name && displayNames.has(squash(address.name))) {
        const where = locate(address.field, address.name)
        context.report({
          messageId: 'displayName',
          data: {name: address.name, brand: brand?.name ?? 'Acme'},
          ...(where ? {range: document.lines.range(where[0], where[1])} : address.field ? {at: 0} : {location: address.header}),
        })
      }
    }

    if (!options.checkBody) return
    const matcher = context.matcher('phrases', lexicon.phrases)
    const keys = phraseKeys(lexicon.phrases)
    const blocks = document.blocks
    for (const block of blocks) {
      if (block.kind === 'quote' || block.kind === 'code') continue
      // Most blocks hold no word any phrase needs: skip them without splitting them into sentences.
      if (keys && !mayHoldPhrase(block.text, keys)) continue
      for (const sentence of context.sentencesOf(block)) {
        // `end` is a condition on the candidate: a longer phrase it rejects must not hide a shorter one ("Please do not reply to this email.").
        const atEnd = (hit: {entry: NoReplyPhrase; lastToken: number}): boolean => !hit.entry.end || hit.lastToken === sentence.tokens.length
        for (const hit of matcher.find(sentence.tokens, block.text, atEnd)) {
          context.report({
            messageId: 'body',
            data: {phrase: hit.text, example: lexicon.replyExample.replace('{address}', suggestion)},
            span: {block, start: hit.start, end: hit.end},
          })
        }
      }
    }
  },
})

const keysByPhrases = new WeakMap<readonly PhraseEntry[], string[] | null>()

/**
 * One word every phrase needs (its longest, stems without the `*`), as a
 * lower-case string: a token whose norm is (or, for a stem, starts with) that
 * word is a slice of the block's text whose `toLowerCase()` is that word, so
 * the lower-cased block text contains it. Words with an apostrophe (`’` folds
 * to `'`) or a sigma (lower-cased by context) are never keys; null when some
 * phrase has no other word, and then every block is searched.
 */
export function phraseKeys(phrases: readonly PhraseEntry[]): string[] | null {
  let keys = keysByPhrases.get(phrases)
  if (keys !== undefined) return keys
  const wordsOf = phrases.map((entry) => {
    const words: string[] = []
    for (const raw of entry.phrase.split(/\s+/)) {
      let word = normalizeWord(raw)
      if (word.endsWith('*') && word.length > 1) word = word.slice(0, -1)
      if (word.length > 0 && !/['’*σςΣ]/.test(word)) words.push(word)
    }
    return words
  })
  // Prefer words of five letters or more that many phrases share ("reply"), so that few keys cover the list.
  const shared = new Map<string, number>()
  for (const words of wordsOf) for (const word of new Set(words)) shared.set(word, (shared.get(word) ?? 0) + 1)
  const score = (w: string): number => (w.length >= 5 ? 1_000_000 : 0) + shared.get(w)! * 1000 + w.length
  const found = new Set<string>()
  for (const words of wordsOf) {
    if (words.length === 0) {
      keysByPhrases.set(phrases, null)
      return null
    }
    let key = words[0]!
    for (const word of words) if (score(word) > score(key)) key = word
    found.add(key)
  }
  // A key that contains another key is implied by it ("unmonitored" by "monitored").
  const all = [...found]
  keys = all.filter((k) => !all.some((other) => other !== k && k.includes(other)))
  keysByPhrases.set(phrases, keys)
  return keys
}

/** False when the block's text cannot hold any of the phrases (see {@link phraseKeys}). */
export function mayHoldPhrase(text: string, keys: readonly string[]): boolean {
  const lower = text.toLowerCase()
  for (const key of keys) if (lower.includes(key)) return true
  return false
}

/** Finds `needle` in a decoded header value and maps it to source offsets. */
/**
 * The source range of the address itself in a header value: an occurrence
 * outside quoted display names and comments, the one in angle brackets first
 * (`"noreply@x" <noreply@x>` names the address twice; a fix must replace the
 * second, or a second `--fix` would change the file again).
 */
function locate(field: Header | undefined, needle: string): [number, number] | undefined {
  if (!field || !needle) return undefined
  const value = field.value
  const lower = value.toLowerCase()
  const want = needle.toLowerCase()
  // Which offsets lie inside a quoted string or a (comment), by one scan.
  const hidden = new Uint8Array(value.length)
  let quoted = false
  let depth = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '\\' && (quoted || depth > 0)) {
      hidden[i] = 1
      if (i + 1 < value.length) hidden[++i] = 1
      continue
    }
    if (quoted) {
      hidden[i] = 1
      if (c === '"') quoted = false
    } else if (depth > 0) {
      hidden[i] = 1
      if (c === '(') depth++
      else if (c === ')') depth--
    } else if (c === '"') {
      quoted = true
      hidden[i] = 1
    } else if (c === '(') {
      depth = 1
      hidden[i] = 1
    }
  }
  let fallback: number | undefined
  for (let i = lower.indexOf(want); i >= 0; i = lower.indexOf(want, i + 1)) {
    if (hidden[i]) continue
    if (value[i - 1] === '<' && value[i + want.length] === '>') return [field.map.start(i), field.map.end(i + want.length)]
    fallback ??= i
  }
  if (fallback === undefined) return undefined
  return [field.map.start(fallback), field.map.end(fallback + want.length)]
}
