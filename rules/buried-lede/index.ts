/**
 * buried-lede: the reader must see the apology and what went wrong first.
 *
 * Walks the visible blocks of each body part in reading order, skipping what
 * is not content (header and navigation boilerplate, link-only rows such as
 * "View this email in your browser", a brand-name-only masthead, a greeting
 * line), up to the lede: the first apology (rules/shared/apology.ts) or the
 * first statement of what went wrong (rules/shared/errors.ts), whichever comes
 * first. The lede is buried when more than `maxWords` words or `maxBlocks`
 * content blocks come before it, or any promotion does (prices, discount
 * codes, product grids, "shop now", "kup teraz", "nowości"). It also flags a
 * preheader that says nothing about the correction. An email with no apology
 * at all is left to missing-apology.
 */
import {z} from 'zod'
import {defineRule, type RuleContext} from '../../src/rule.js'
import type {Block, Image, Link, TextSpan} from '../../src/document.js'
import type {PhraseEntry, Token} from '../../src/language.js'
import {findApologyHits} from '../shared/apology.js'
import {errorLexicons, errorStatementBefore, findErrorStatements, ignoredSpans, overlapsAny} from '../shared/errors.js'
import en from './en.js'
import pl from './pl.js'
import {incidentExamples} from '../shared/incident-examples.js'
import {blockZones, isNavigationRow, isStrapline} from '../../src/zones.js'

/** This rule's data per language. */
export interface BuriedLedeLexicon {
  /** Greeting words that open a salutation line ("Hi", "Dzień dobry"). */
  greetings: PhraseEntry[]
  /** Phrases of navigation rows that are not content ("View this email in your browser"). */
  navigation: PhraseEntry[]
  /** Promotional phrases ("shop now", "kup teraz", "nowości"). */
  promotions: PhraseEntry[]
  /** Words that introduce a discount code ("code GLOW20", "kod LAWENDA20"). */
  codeWords: string[]
  /** Currency words written after an amount ("249 zł", "49 GBP"). */
  currencyWords: string[]
  /** Words that show a preview is about the correction ("correction", "korekta"). */
  previewWords: PhraseEntry[]
  /**
   * Words that name the incident ("incident", "breach", "error", "naruszenie",
   * "awaria"): an opening sentence that announces it ("We are writing about a
   * security incident on your account") is the lede, however plainly worded.
   */
  incidentWords: PhraseEntry[]
  /** An opening line to suggest. */
  example: string
  /** A preview text to suggest. */
  previewExample: string
}

type Options = {maxWords: number; maxBlocks: number; checkPreheader: boolean}
type Context = RuleContext<Options, BuriedLedeLexicon>

/** One body alternative: its blocks with the links and images that sit in them. */
interface Body {
  blocks: readonly Block[]
  links: readonly Link[]
  images: readonly Image[]
}

/** Longest masthead or greeting line, in words. */
const MAX_MASTHEAD_WORDS = 10
const MAX_GREETING_WORDS = 6
const MAX_NAVIGATION_WORDS = 14
/** Product images before the lede that make a grid. */
const MIN_GRID_IMAGES = 2
const CURRENCY_SIGNS = '£$€¥'
/** Longest block that is read as a price tag ("from £49", "249 zł"). */
const MAX_PRICE_TAG_WORDS = 6

export default defineRule({
  id: 'buried-lede',
  languages: {en, pl},
  usesNlp: true,
  docs: {
    summary: 'Put the apology and what went wrong first, before any other content.',
    why: 'Readers skim the first lines and the inbox preview: an apology placed after a banner, a product grid or a paragraph of news is missed, or read as an afterthought, and the correction never reaches most of the people who got the mistake.',
    fix: 'Open the email (after the logo and greeting) with the apology and one sentence on what went wrong, move promotions below it or drop them, and make the preheader say the same.',
  },
  options: z
    .object({
      maxWords: z
        .number()
        .int()
        .min(0)
        .default(50)
        .describe('Most words of other content (after the logo, navigation and greeting) allowed before the apology or the statement of what went wrong.'),
      maxBlocks: z
        .number()
        .int()
        .min(1)
        .default(2)
        .describe('The apology or the statement of what went wrong must start within this many content blocks (paragraphs, headings, table cells).'),
      checkPreheader: z.boolean().default(true).describe('Also flag a preheader (inbox preview text) that says nothing about the correction.'),
    })
    .strict(),
  messages: {
    buried: 'The apology comes only after {before}: move it to the top.',
    preheader: 'The inbox preview `{preheader}` says nothing about the correction.',
  },
  notes: {
    buried:
      'Readers who skim the first lines or the preview pane miss the correction, or read it as an afterthought. Open with the apology and what went wrong, before anything else. For example: "{example}"',
    preheader:
      'Readers decide from the preview whether to open, and will take the email for an ordinary mailing. Make the preview carry the apology and the fix. For example: "{example}"',
  },
  incidentExamples: incidentExamples['buried-lede'],
  create(context) {
    const {document, options} = context
    const everywhere: Block[] = []
    if (document.subject) everywhere.push(document.subject)
    if (document.preheader) everywhere.push(document.preheader)
    const bodies: Body[] = document.parts.length > 0 ? document.parts : [{blocks: document.blocks, links: document.links, images: document.images}]
    for (const body of bodies) everywhere.push(...body.blocks)
    // No apology at all is missing-apology's finding, not a buried one.
    if (findApologyHits(context, everywhere, {explicitOnly: true}).length === 0) return

    const brands = brandNames(context)
    for (const body of bodies) checkBody(context, body, brands)
    if (options.checkPreheader && document.preheader) checkPreheader(context, document.preheader, brands)
  },
})

/** Finds the lede of one body and reports it when something else comes first. */
function checkBody(context: Context, body: Body, brands: readonly string[]): void {
  const {lexicon, options} = context
  const {blocks} = body
  const zones = blockZones(context.document, blocks, body.links)
  const indexOf = new Map<Block, number>()
  blocks.forEach((block, i) => {
    if (!indexOf.has(block)) indexOf.set(block, i)
  })
  // An apology in the header (a pasted "Subject: … we apologise" line) is the subject's, not the body's.
  const apology = findApologyHits(context, blocks).find((hit) => zones.kinds[indexOf.get(hit.block) ?? -1] !== 'header')
  const apologyBlock = apology ? (indexOf.get(apology.block) ?? blocks.length) : blocks.length
  const promotions = context.matcher('promotions', lexicon.promotions)
  const promotionBefore = (index: number, end: number): boolean => {
    const block = blocks[index]!
    const tokens = wordsOf(context, block, end)
    return !isLayout(context, body, index, tokens, contentBlocks === 0) && findPromotion(context, block, tokens, promotions, true).size > 0
  }
  // A statement of what went wrong starts the lede when it comes before the apology, unless
  // promotion follows it: an apology after a product grid is buried whatever the intro said.
  let lede: TextSpan | undefined
  let ledeBlock = -1
  // Once this much content has passed, a later statement cannot make the lede early enough
  // (without an apology in the body, the statement is still needed to point at).
  let words = 0
  let contentBlocks = 0
  /** True once the lede is the email's opening (lede zone): promotion further down does not bury it. */
  let atOpening = false
  for (let i = 0; i < apologyBlock && i < blocks.length; i++) {
    const block = blocks[i]!
    const late = apology !== undefined && (words > options.maxWords || contentBlocks >= options.maxBlocks)
    // The header (pasted "Subject: …" lines, "View in browser", a strapline) is no part of the message's opening.
    const statement =
      lede || late || zones.kinds[i] === 'header'
        ? undefined
        : (findErrorStatements(context, [block], 1)[0] ?? (zones.kinds[i] === 'lede' ? announcement(context, block) : undefined))
    if (statement && !promotionBefore(i, statement.start)) {
      lede = statement
      ledeBlock = i
      atOpening = zones.kinds[i] === 'lede'
    } else if (lede && !atOpening && promotionBefore(i, block.text.length)) {
      // A block that itself states what went wrong carries its code or price as the correction
      // ("Code SPRING10 did not work – it works now"): it takes over as the lede instead of burying it.
      const own = findErrorStatements(context, [block], 1)[0]
      if (own && !promotionBefore(i, own.start)) {
        lede = own
        ledeBlock = i
        atOpening = zones.kinds[i] === 'lede'
      } else lede = undefined
    }
    const tokens = wordsOf(context, block, block.text.length)
    if (isLayout(context, body, i, tokens, contentBlocks === 0) || isPreamble(context, body, i, tokens, brands, contentBlocks === 0)) continue
    words += tokens.length
    contentBlocks++
  }
  if (!lede && apology) {
    // Only a statement before the apology can start the lede: the sentences after it need no tagger.
    lede = errorStatementBefore(context, apology.block, apology.start) ?? apology
    ledeBlock = apologyBlock
  }
  if (!lede) return

  const found = new Map<string, string>()
  words = 0
  contentBlocks = 0
  let firstContent: string | undefined
  for (let i = 0; i <= ledeBlock; i++) {
    const block = blocks[i]!
    const isLede = i === ledeBlock
    const end = isLede ? lede.start : block.text.length
    const tokens = wordsOf(context, block, end)
    if (!isLede && isLayout(context, body, i, tokens, contentBlocks === 0)) continue
    // Prices and codes in the lede's own paragraph are usually the wrong and the right value.
    const promotion = findPromotion(context, block, tokens, promotions, !isLede)
    for (const [kind, text] of promotion) if (!found.has(kind)) found.set(kind, text)
    if (isLede) {
      words += tokens.length - greetingLength(context, tokens, block)
      break
    }
    if (promotion.size === 0 && isPreamble(context, body, i, tokens, brands, contentBlocks === 0)) continue
    contentBlocks++
    words += tokens.length
    firstContent ??= opening(block, tokens)
  }
  const grid = productImages(body, ledeBlock, brands)
  if (grid >= MIN_GRID_IMAGES) found.set('grid', `a product grid of ${grid} images`)

  if (found.size === 0 && words <= options.maxWords && contentBlocks < options.maxBlocks) return
  const before =
    found.size > 0
      ? `promotional content (${[...found.values()].join(', ')})`
      : `${contentBlocks} ${contentBlocks === 1 ? 'block' : 'blocks'} and ${words} words of other content, starting with “${firstContent ?? ''}”`
  context.report({messageId: 'buried', data: {before, example: lexicon.example}, span: apology ?? lede})
}

/**
 * An opening sentence that names the incident ("I am writing about a
 * security incident that affected your account", "Informujemy o awarii
 * systemu płatności"): the first two sentences of the lede zone.
 */
function announcement(context: Context, block: Block): TextSpan | undefined {
  const words = context.matcher('incidentWords', context.lexicon.incidentWords)
  for (const sentence of context.sentencesOf(block).slice(0, 2)) {
    if (words.test(sentence.tokens)) return {block, start: sentence.start, end: sentence.end}
  }
  return undefined
}

/** Flags a preheader with no apology, no correction word and no statement of what went wrong. */
function checkPreheader(context: Context, preheader: Block, brands: readonly string[]): void {
  const tokens = wordsOf(context, preheader, preheader.text.length)
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  if (!first || !last) return
  if (findApologyHits(context, [preheader]).length > 0) return
  const words = context.matcher('previewWords', context.lexicon.previewWords)
  if (context.sentencesOf(preheader).some((s) => words.test(s.tokens))) return
  if (findErrorStatements(context, [preheader], 1).length > 0) return
  if (sharesTopic(context, tokens, brands)) return
  const text = preheader.text.slice(first.start, last.end)
  context.report({
    messageId: 'preheader',
    data: {preheader: text.length > 90 ? `${text.slice(0, 87)}…` : text, example: context.lexicon.previewExample},
    span: {block: preheader, start: first.start, end: last.end},
  })
}

/** Fewest content words a preview shares with the apology or the statement of what went wrong to be about them. */
const MIN_SHARED_WORDS = 2
/** Shortest word compared; longer words match on this many first letters ("reminder" ~ "reminders", "wyprzedaż" ~ "wyprzedaży"). */
const MIN_CONTENT_LETTERS = 3
const STEM_LETTERS = 6

/**
 * True when the preview is about the mistake in words of its own: it shares
 * at least two content words (or numbers) with the sentence that apologises,
 * the first statements of what went wrong, or a subject that apologises or
 * states it ("Your power was off for 13 hours" over "We are sorry that your
 * electricity was off for 13 hours and 13 minutes"). A promotional preview
 * shares nothing with them.
 */
function sharesTopic(context: Context, preview: readonly Token[], brands: readonly string[]): boolean {
  const {document} = context
  // The brand's own name is in every line of its emails ("Everything new in Orchard Books"): it names no topic.
  const ignored = new Set([...errorLexicons[context.language].functionWords, ...brands.flatMap((b) => b.split(/[^\p{L}\p{N}]+/u))])
  const content = (tokens: readonly Token[]): string[] =>
    tokens.map((t) => t.norm).filter((w) => (w.length >= MIN_CONTENT_LETTERS || /\d/.test(w)) && !ignored.has(w))
  const words = [...new Set(content(preview))]
  if (words.length < MIN_SHARED_WORDS) return false
  const topic: Token[][] = []
  const sentenceOf = (span: TextSpan): Token[] | undefined =>
    context.sentencesOf(span.block).find((s) => s.start <= span.start && span.start < s.end)?.tokens as Token[] | undefined
  const apology = findApologyHits(context, document.blocks)[0]
  const apologySentence = apology && sentenceOf(apology)
  if (apologySentence) topic.push(apologySentence)
  for (const statement of findErrorStatements(context, document.blocks, 2)) {
    const tokens = sentenceOf(statement)
    if (tokens) topic.push(tokens)
  }
  const subject = document.subject
  if (subject && (findApologyHits(context, [subject]).length > 0 || findErrorStatements(context, [subject], 1).length > 0)) {
    for (const sentence of context.sentencesOf(subject)) topic.push(sentence.tokens as Token[])
  }
  const known = new Set(topic.flatMap(content))
  const stems = new Set([...known].filter((w) => w.length >= STEM_LETTERS).map((w) => w.slice(0, STEM_LETTERS)))
  let shared = 0
  for (const word of words) {
    if (known.has(word) || (word.length >= STEM_LETTERS && stems.has(word.slice(0, STEM_LETTERS)))) shared++
    if (shared >= MIN_SHARED_WORDS) return true
  }
  return false
}

/** The words of a block before `end`, without template placeholders and web addresses. */
function wordsOf(context: Context, block: Block, end: number): Token[] {
  const ignored = ignoredSpans(block)
  const out: Token[] = []
  for (const sentence of context.sentencesOf(block)) {
    if (sentence.start >= end) break
    for (const token of sentence.tokens) {
      if (token.end > end) break
      if (!overlapsAny(ignored, token.start, token.end)) out.push(token)
    }
  }
  return out
}

/**
 * Promotion in a block (before the lede): promotional phrases and, with
 * `withAmounts`, prices, percentages and discount codes; one example of each kind.
 */
function findPromotion(
  context: Context,
  block: Block,
  tokens: readonly Token[],
  promotions: ReturnType<Context['matcher']>,
  withAmounts: boolean,
): Map<string, string> {
  const {lexicon} = context
  const text = block.text
  const found = new Map<string, string>()
  const hit = promotions.find(tokens, text)[0]
  if (hit) found.set('phrase', `“${hit.text}”`)
  if (!withAmounts) return found
  tokens.forEach((token, i) => {
    const next = tokens[i + 1]
    if (!found.has('code') && next && lexicon.codeWords.includes(token.norm) && isCode(next.text)) found.set('code', `the code ${next.text}`)
  })
  const amounts = new Map<string, string>()
  let count = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!isDigit(token.text.charCodeAt(0))) continue
    if (text[token.end] === '%') {
      count++
      if (!amounts.has('percent')) amounts.set('percent', `“${text.slice(token.start, token.end + 1)}”`)
    }
    const sign = signBefore(text, token.start)
    // An amount may be split into several number words ("59,99 zł", "3 490 zł").
    let j = i
    while (tokens[j + 1] && isDigit(tokens[j + 1]!.text.charCodeAt(0)) && onlySpaceBetween(text, tokens[j]!.end, tokens[j + 1]!.start)) j++
    const currency = tokens[j + 1]
    let price: string | undefined
    if (sign >= 0) price = text.slice(sign, tokens[j]!.end)
    else if (currency && lexicon.currencyWords.includes(currency.norm) && onlySpaceBetween(text, tokens[j]!.end, currency.start)) {
      price = text.slice(token.start, currency.end)
    }
    if (price) {
      count++
      if (!amounts.has('price')) amounts.set('price', `prices such as ${price}`)
    }
    i = j
  }
  // An amount is promotion on a price tag, in a list of prices or next to a sales pitch;
  // "we raised £1,240 for the junior section" is news.
  if (amounts.size > 0 && (tokens.length <= MAX_PRICE_TAG_WORDS || count >= 2 || found.size > 0)) {
    for (const [kind, text] of amounts) found.set(kind, text)
  }
  return found
}

/**
 * True for layout that is never content, whatever words it holds: header and
 * navigation boilerplate, footers, signatures, quoted text, a "View this email
 * in your browser" line and a row of several links ("Shop | New in | Sale").
 */
function isLayout(context: Context, body: Body, index: number, tokens: readonly Token[], top: boolean): boolean {
  const block = body.blocks[index]!
  if (tokens.length === 0 || !block.prose || block.boilerplate || block.kind === 'footer' || block.kind === 'signature') return true
  // "Having trouble reading this? View in browser", a navigation row: the zones' header is layout.
  if (blockZones(context.document, body.blocks, body.links).kinds[index] === 'header') return true
  // Above the content, template chrome the header loop did not reach (it stops at a masthead link):
  // a strapline ("Free delivery over £40 · Returns in 30 days") or a plain-text navigation row.
  if (top && (isStrapline(block.text) || isNavigationRow(block.text, blockLinks(body, index)))) return true
  const nav = context.matcher('navigation', context.lexicon.navigation).find(tokens, block.text)[0]
  if (nav && nav.firstToken === 0 && tokens.length <= MAX_NAVIGATION_WORDS) return true
  return linkOnly(body, index) >= 2
}

/** True for a greeting line or, before any content, a brand masthead: not content, unless it promotes. */
function isPreamble(context: Context, body: Body, index: number, tokens: readonly Token[], brands: readonly string[], noContentYet: boolean): boolean {
  const block = body.blocks[index]!
  if (linkOnly(body, index) === 1 && tokens.length <= MAX_NAVIGATION_WORDS) return true
  if (greetingLength(context, tokens, block) > 0 && tokens.length <= MAX_GREETING_WORDS) return true
  // A letter's reference line ("Application reference: HX25-PG-04817", "Numer umowy: 12/2025"): not content.
  if (isReferenceLine(block.text, tokens)) return true
  return noContentYet && isMasthead(block.text, tokens, brands)
}

/** Most words of a reference line, and of its label. */
const MAX_REFERENCE_WORDS = 12
const MAX_REFERENCE_LABEL_WORDS = 4

/**
 * True for a short "Label: value" line, as letters list a reference, an
 * account or a programme above the text: a label of up to four words, a
 * colon, and no sentence after it.
 */
function isReferenceLine(text: string, tokens: readonly Token[]): boolean {
  if (tokens.length < 2 || tokens.length > MAX_REFERENCE_WORDS) return false
  const colon = text.indexOf(':')
  if (text.indexOf('\n') >= 0) return false
  if (colon <= 0) return isLabelledCode(text)
  let label = 0
  while (label < tokens.length && tokens[label]!.end <= colon) label++
  if (label === 0 || label > MAX_REFERENCE_LABEL_WORDS || label === tokens.length) return false
  const last = text.trimEnd().charCodeAt(text.trimEnd().length - 1)
  // "Correction: the sale starts on 10 June." is a sentence.
  return last !== 46 && last !== 33 && last !== 63
}

/**
 * "Booking KCH-EDI-448217", "Order #48213", "Zamówienie nr 12345": up to three
 * words and a reference code, without a colon. The code holds a digit and a
 * letter, dash, slash or `#`, or follows "nr", "no" or "#": "Spring Sale 2025"
 * is a heading, not a reference.
 */
function isLabelledCode(text: string): boolean {
  const parts = text.trim().split(/\s+/)
  if (parts.length < 2 || parts.length > MAX_REFERENCE_LABEL_WORDS) return false
  const code = parts[parts.length - 1]!
  if (!/\d/.test(code) || code.length > 40) return false
  const marker = parts[parts.length - 2]!.toLowerCase().replace(/\.$/, '')
  const labelled = marker === 'nr' || marker === 'no' || marker === '#' || marker === 'ref' || marker === 'numer'
  return labelled || /^#?\d/.test(code) === false || /[#/-]/.test(code)
}

/** Number of greeting words opening the block ("Hi", "Dzień dobry"), or 0. */
function greetingLength(context: Context, tokens: readonly Token[], block: Block): number {
  const greeting = context.matcher('greetings', context.lexicon.greetings).find(tokens.slice(0, 3), block.text)[0]
  return greeting && greeting.firstToken === 0 ? greeting.lastToken : 0
}

/** Links by the block they sit in, built once per body. */
const linksByBlock = new WeakMap<Body, Map<number, Link[]>>()

/** The links of one block of a body, in reading order. */
function blockLinks(body: Body, index: number): Link[] {
  let byBlock = linksByBlock.get(body)
  if (!byBlock) {
    byBlock = new Map()
    for (const link of body.links) {
      if (link.blockIndex === undefined || !link.text) continue
      const list = byBlock.get(link.blockIndex)
      if (list) list.push(link)
      else byBlock.set(link.blockIndex, [link])
    }
    linksByBlock.set(body, byBlock)
  }
  return byBlock.get(index) ?? NO_LINKS
}

const NO_LINKS: Link[] = []

/** How many links make up all the words of the block (0 when other words remain): "View in browser" is 1, a navigation row more. */
function linkOnly(body: Body, index: number): number {
  const links = blockLinks(body, index)
  if (links.length === 0) return 0
  let rest = body.blocks[index]!.text
  let count = 0
  for (const link of links) {
    const at = rest.indexOf(link.text)
    if (at < 0) continue
    rest = rest.slice(0, at) + rest.slice(at + link.text.length)
    count++
  }
  return count > 0 && !/[\p{L}\p{N}]/u.test(rest) ? count : 0
}

/** True for a short line that is only the brand, maybe with a tagline ("Sklep Bursztyn biżuteria z bursztynu", "NORTHWIND OUTFITTERS"). */
function isMasthead(text: string, tokens: readonly Token[], brands: readonly string[]): boolean {
  if (tokens.length > MAX_MASTHEAD_WORDS) return false
  const trimmed = text.trim()
  const lastChar = trimmed[trimmed.length - 1]
  if (lastChar === '.' || lastChar === '!' || lastChar === '?' || lastChar === ':') return false
  const lower = trimmed.toLowerCase()
  if (brands.some((b) => lower.startsWith(b) || b.startsWith(lower))) return true
  // Without a known brand, a first line of up to three capitalised words is taken for the name.
  return tokens.length <= 3 && tokens.every((t) => isUpper(t.text.charCodeAt(0)) && !/\d/.test(t.text))
}

/** Brand names a masthead may show: the configured brand, the sender's display names and domain, the logo's alt text. */
function brandNames(context: Context): string[] {
  const {document, settings} = context
  const names = new Set<string>()
  const add = (name: string | undefined): void => {
    const n = name?.trim().toLowerCase()
    if (n && n.length >= 3) names.add(n)
  }
  add(settings.brand?.name)
  for (const address of document.addresses) {
    add(address.name)
    const at = address.address.lastIndexOf('@')
    if (at >= 0) add(address.address.slice(at + 1).split('.')[0])
  }
  // The first image is the logo in a branded template.
  add(document.images[0]?.alt)
  return [...names]
}

/** Linked product images before the lede block (the logo, which sits above any content, is left out). */
function productImages(body: Body, ledeBlock: number, brands: readonly string[]): number {
  let count = 0
  for (const image of body.images) {
    if (image.beforeBlock > ledeBlock || image.beforeBlock === 0 || !image.href) continue
    const alt = image.alt.trim().toLowerCase()
    if (alt && brands.some((b) => alt.startsWith(b))) continue
    count++
  }
  return count
}

/** The first words of a block, for the message. */
function opening(block: Block, tokens: readonly Token[]): string {
  const first = tokens[0]!
  const last = tokens[Math.min(tokens.length, 6) - 1]!
  return block.text.slice(first.start, last.end) + (tokens.length > 6 ? '…' : '')
}

/** Offset of a currency sign right before a number ("£28", "€ 15"), or -1. */
function signBefore(text: string, at: number): number {
  let i = at - 1
  if (i >= 0 && text[i] === ' ') i--
  return i >= 0 && CURRENCY_SIGNS.includes(text[i]!) ? i : -1
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    // Digits groups and decimals ("59,99 zł", "3 490 zł") belong to the amount.
    if (c !== 32 && c !== 0xa0 && c !== 0x202f && c !== 44 && c !== 46 && !isDigit(c)) return false
  }
  return true
}

/** A discount code: 4–20 capital letters and digits with at least one digit ("GLOW20"). */
function isCode(word: string): boolean {
  if (word.length < 4 || word.length > 20) return false
  let digit = false
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (isDigit(c)) digit = true
    else if (!isUpper(c)) return false
  }
  return digit
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c)
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}
