/**
 * Document zones: which part of an email each visible block belongs to.
 *
 * Real emails wrap their message in layout: a header ("View in browser", a
 * masthead), a greeting, the opening (the lede), the body, sometimes a
 * promotional block, a sign-off and signature, a footer of legal boilerplate
 * (unsubscribe, postal address, copyright, "you received this because"), and
 * a quoted earlier message. Rules ask for zones instead of re-deriving them:
 * an unsubscribe link in the footer is not the email's action step, a
 * greeting is not the lede, a signature is not an explanation.
 *
 * Zones are computed once per document (and per `.eml` body alternative) from
 * markup cues (`<footer>`, `<header>`, small or grey text, rules `<hr>`, an
 * unsubscribe link) and language cues in English and Polish. Every test here
 * is linear in the text: the cue expressions are alternations of literals,
 * tried on a bounded prefix of each block.
 */
import type {Block, EmailDocument, Link} from './document.js'
import {isPastedHeaderName} from './parse/front-matter.js'

/** The zones of an email, in the order they usually come. */
export type ZoneKind = 'header' | 'greeting' | 'lede' | 'body' | 'promo' | 'signature' | 'footer' | 'quote'

/** A run of consecutive blocks in one zone. */
export interface Zone {
  kind: ZoneKind
  /** Index of the first block (in the blocks the zones were computed for). */
  startBlock: number
  /** Index just after the last block. */
  endBlock: number
  /** Source span from the first block's start to the last block's end. */
  sourceStart: number
  sourceEnd: number
  /** For `.eml`: the body alternative. */
  part?: 'html' | 'text'
}

/** The zones of one list of blocks. */
export interface BlockZones {
  /** Runs of blocks, in reading order. */
  zones: Zone[]
  /** The zone of each block, by index. */
  kinds: ZoneKind[]
  /** The zone of a block (`body` for a block that is not in the list). */
  of(block: Block): ZoneKind
  /** True when the block is in the list the zones were computed for. */
  has(block: Block): boolean
  /** The first zone of a kind, if any. */
  find(kind: ZoneKind): Zone | undefined
}

/** Zones where the email's own message is: not layout, sign-off, footer, quote or promotion. */
export const CONTENT_ZONES: ReadonlySet<ZoneKind> = new Set(['lede', 'body'])

/** Only this much of a block is searched for cues: a cue sits at its start or it is not a cue. */
const CUE_CHARS = 400
/** A block longer than this is prose, whatever words it opens with. */
const SIGNOFF_MAX_WORDS = 14
const GREETING_MAX_WORDS = 8

/*
 * Footer boilerplate: opting out, why you got it, legal lines, copyright.
 * Polish: wypisz się / rezygnacja z subskrypcji / otrzymujesz tę wiadomość /
 * wszelkie prawa zastrzeżone / polityka prywatności / KRS, NIP, REGON.
 */
const FOOTER_CUE =
  /\b(?:unsubscribe|opt[ -]?out|manage (?:your )?(?:email )?(?:preferences|subscriptions?)|email preferences|(?:email|notification|subscription|newsletter) settings|update your preferences|you (?:are|were|have been) receiving|you(?:'|’)re receiving|you received this|this (?:e-?mail|message) was sent (?:to|by)|to stop receiving|no longer wish to receive|all rights reserved|privacy (?:policy|notice|statement)|terms (?:of (?:use|service)|and conditions)|registered (?:office|in|address)|company (?:number|no|registration)|vat (?:number|no|reg)|wypisz|wypisać|rezygnacj[a-ząćęłńóśźż]{0,4} z (?:subskrypcji|newslettera|otrzymywania)|zrezygnować z|otrzymujesz (?:tę|te) wiadomo|otrzymał[a-ząćęłńóśźż]{0,4} (?:tę|te) wiadomo|ta wiadomość została wysłana|wszelkie prawa zastrzeżone|polityk[a-ząćęłńóśźż]{0,3} prywatności|administratorem (?:twoich |pani |pana |państwa )?danych|kapitał zakładowy|sąd rejonowy|(?:krs|nip|regon):? ?\d)/i
const COPYRIGHT = /©|\(c\) ?(?:19|20)\d\d|\bcopyright\b/i

/* Header boilerplate before the message: browser versions, trouble viewing. */
const HEADER_CUE =
  /\b(?:view (?:this (?:e-?mail|message) )?(?:in|on) (?:your |a )?(?:web )?browser|view (?:it )?online|web version|having trouble (?:viewing|reading|seeing)|trouble (?:viewing|reading) this|not displaying (?:correctly|properly)|can(?:'|’)?t see (?:this|the) (?:e-?mail|images)|nie wyświetla się (?:poprawnie|prawidłowo)|problem z wyświetleniem|zobacz (?:tę wiadomość |wiadomość )?w przeglądarce|wersj[a-ząćęłńóśźż]{0,2} (?:online|przeglądarkow[a-ząćęłńóśźż]{0,2})|nie widzisz (?:poprawnie )?(?:tej )?wiadomości|nie widzisz (?:grafik|obrazków|zdjęć)|nie wyświetlają się (?:grafiki|obrazki|zdjęcia))/i

/** True for the text of a link to the email's web version ("View in browser", "Zobacz w przeglądarce"). */
export function isWebVersionLink(text: string): boolean {
  return text.length <= CUE_CHARS && HEADER_CUE.test(text)
}

/* A sign-off that opens the closing block. */
const SIGNOFF =
  /^(?:(?:best|kind|warm|warmest|many|with|all (?:the )?best|sincere|kindest)? ?(?:regards|wishes|thanks|apologies|gratitude)|(?:yours )?(?:sincerely|faithfully|truly|respectfully)(?: yours)?|best|all the best|cheers|thanks(?: again)?|thank you(?: again)?|warmly|respectfully|take care|talk soon|until next time|see you soon|pozdrawiam[a-ząćęłńóśźż]{0,2}|serdecznie pozdrawiam[a-ząćęłńóśźż]{0,2}|serdeczne pozdrowienia|łączę pozdrowienia|łączymy pozdrowienia|z poważaniem|z wyrazami szacunku|z pozdrowieniami|dziękuj[a-ząćęłńóśźż]{0,3}|do usłyszenia|do zobaczenia)\b/i
/* A team or person signing: "The Acme Team", "Zespół Acme", "— Ana". */
const SIGNATURE_LINE =
  /^(?:the [\p{L}\p{N}&.' -]{1,40} team|your [\p{L}\p{N}&.' -]{1,40} team|team [\p{L}\p{N}&.' -]{1,30}|zespół [\p{L}\p{N}&.' -]{1,40}|ekipa [\p{L}\p{N}&.' -]{1,40}|[-–—] ?\p{Lu}\p{L}{1,20})$/iu

/* Quoted earlier messages that are not `>`-prefixed. */
const QUOTE_CUE =
  /^(?:-{2,} ?(?:original message|forwarded message|wiadomość oryginalna|oryginalna wiadomość|przekazana wiadomość) ?-{2,}|on .{1,200} wrote:$|w dniu .{1,200} napisał[a-ząćęłńóśźż]{0,2}:$|dnia .{1,200} napisał[a-ząćęłńóśźż]{0,2}:$)/i

/* A greeting opening the email. */
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|dzień dobry|dobry wieczór|cześć|hej|witaj[a-ząćęłńóśźż]{0,2}|witam|szanown[a-ząćęłńóśźż]{1,3}|drog[a-ząćęłńóśźż]{1,3})\b/i

/* Promotion: a block selling something, not telling the reader about the problem. */
const PROMO_CUE =
  /\b(?:shop (?:now|the|our|all)|buy now|order now|new arrivals|don(?:'|’)?t miss|limited time|while stocks last|free shipping|bestsellers?|best sellers|sale ends|kup teraz|zamów teraz|sprawdź ofertę|nowości|darmowa dostawa|bestsellery|promocj[a-ząćęłńóśźż]{1,3} trwa|tylko do)\b/i

function wordCount(text: string, max: number): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) {
      words++
      if (words > max) return words
    }
    inWord = !space
  }
  return words
}

function head(text: string): string {
  return text.length > CUE_CHARS ? text.slice(0, CUE_CHARS) : text
}

/** True for a block of footer boilerplate: opt-out, legal or copyright lines. */
export function isFooterText(text: string): boolean {
  const h = head(text)
  return FOOTER_CUE.test(h) || COPYRIGHT.test(h)
}

/** True for a line that opens a sign-off ("Best regards,", "Z poważaniem") or signs ("The Acme Team"). */
export function isSignOff(text: string): boolean {
  const t = text.trim()
  if (wordCount(t, SIGNOFF_MAX_WORDS) > SIGNOFF_MAX_WORDS) return false
  const m = SIGNOFF.exec(t)
  if (m) {
    // "Thank you for your patience." is a sentence; "Thank you," or "Thanks, Ana" signs off.
    const rest = t.slice(m[0].length)
    if (rest.length === 0 || /^[ ]?[,!\-–—]/.test(rest) || /^ ?\n/.test(rest)) return true
    // "Thanks for reading," / "Thank you for your patience," closing the email on its own line.
    if (t.endsWith(',') && wordCount(t, 7) <= 7) return true
    // "Best regards Jane Doe" (plain-text lines joined): capitalised words and no sentence end.
    return /^ \p{Lu}/u.test(rest) && !/[.!?]$/.test(t) && !/^ (?:for|to|from|and)\b/i.test(rest)
  }
  return SIGNATURE_LINE.test(t)
}

function isGreeting(text: string): boolean {
  const t = text.trim()
  return GREETING.test(t) && wordCount(t, GREETING_MAX_WORDS) <= GREETING_MAX_WORDS && !/[.!?]$/.test(t)
}

/** True when a link (or its text) is an opt-out link. */
export function isUnsubscribeLink(link: Link): boolean {
  return (
    /unsubscribe|opt[\s-]?out|wypisz|rezygn|preferen|(?:email|notification|subscription) settings/i.test(head(link.text)) ||
    /unsubscribe|opt[-_]?out|wypisz|rezygn|settings\/(?:notifications|email|subscriptions)/i.test(head(link.href))
  )
}

/**
 * Computes the zones of `blocks` (in reading order).
 *
 * @example
 * computeZones(parseText('Hi Ana,\n\nWe sent the wrong link.\n\nBest,\nAcme').blocks).kinds
 * // → ['greeting', 'lede', 'signature']
 */
export function computeZones(blocks: readonly Block[], links: readonly Link[] = []): BlockZones {
  const n = blocks.length
  const kinds: (ZoneKind | undefined)[] = new Array<ZoneKind | undefined>(n).fill(undefined)
  const unsubscribeBlocks = new Set<number>()
  for (const link of links) if (link.blockIndex !== undefined && isUnsubscribeLink(link)) unsubscribeBlocks.add(link.blockIndex)

  // Quoted earlier messages: `>` blocks, and everything after an "On … wrote:" or "Original message" line.
  let quoteFrom = n
  for (let i = 0; i < n; i++) {
    const block = blocks[i]!
    if (block.kind === 'quote') kinds[i] = 'quote'
    else if (i > 0 && QUOTE_CUE.test(head(block.text).trim())) {
      quoteFrom = i
      break
    }
  }
  for (let i = quoteFrom; i < n; i++) kinds[i] = 'quote'

  // Footer: marked by the markup, or from the first footer cue in the second half (or after the sign-off) to the end.
  let signOff = -1
  for (let i = 0; i < quoteFrom; i++) {
    if (kinds[i]) continue
    const block = blocks[i]!
    if (block.kind === 'signature' || (i > 0 && isSignOff(head(block.text)))) {
      signOff = i
      break
    }
  }
  let footerFrom = quoteFrom
  const lastProse = lastLongProse(blocks, quoteFrom, unsubscribeBlocks)
  for (let i = 0; i < quoteFrom; i++) {
    if (kinds[i]) continue
    const block = blocks[i]!
    if (block.kind === 'footer') {
      kinds[i] = 'footer'
      footerFrom = Math.min(footerFrom, i)
      continue
    }
    const late = i >= Math.ceil(n / 2) || (signOff >= 0 && i > signOff)
    // "You can read our privacy notice at …" in the body is no footer: a footer holds no long paragraph after its start.
    // (Tested before the cues, which cost a pattern search: a block before the last long paragraph is skipped either way.)
    if (late && i > 0 && lastProse <= i && (unsubscribeBlocks.has(i) || isFooterText(block.text) || (block.tag === 'small' && signOff >= 0 && i > signOff))) {
      if (footerFrom === quoteFrom || i < footerFrom) footerFrom = i
      break
    }
  }
  for (let i = footerFrom; i < quoteFrom; i++) if (!kinds[i]) kinds[i] = 'footer'
  // A footer marked in the markup keeps the blocks after it (tables of links, addresses) in the footer.
  let firstMarkedFooter = -1
  for (let i = 0; i < quoteFrom; i++)
    if (blocks[i]!.kind === 'footer') {
      firstMarkedFooter = i
      break
    }
  if (firstMarkedFooter > 0 && firstMarkedFooter > n / 2) for (let i = firstMarkedFooter; i < quoteFrom; i++) if (!kinds[i]) kinds[i] = 'footer'

  // Signature: from the sign-off to the footer, while the blocks stay short (names, titles, phone numbers).
  if (signOff >= 0 && !kinds[signOff]) {
    kinds[signOff] = 'signature'
    for (let i = signOff + 1; i < n && !kinds[i]; i++) {
      const block = blocks[i]!
      if (block.kind === 'signature' || wordCount(block.text, 12) <= 12 || block.kind === 'table-cell') kinds[i] = 'signature'
      else {
        // Longer content after the signature that is not the footer: a postscript or a promotion.
        kinds[i] = PROMO_CUE.test(head(block.text)) ? 'promo' : 'body'
      }
    }
  }
  for (let i = 0; i < n; i++) if (!kinds[i] && blocks[i]!.kind === 'signature') kinds[i] = 'signature'

  // Header: layout boilerplate, "view in browser" lines and navigation rows before the first content.
  let navigation: Set<number> | undefined
  // Short lines above a "View in browser" line are the template's top strip ("Free UK delivery on orders over £40").
  const strip = lastHeaderCue(blocks, kinds, Math.min(n, HEADER_SCAN))
  let i = 0
  for (; i < n; i++) {
    if (kinds[i]) continue
    const block = blocks[i]!
    navigation ??= navigationRows(blocks, links, Math.min(n, HEADER_SCAN))
    if (
      i <= strip ||
      block.boilerplate ||
      HEADER_CUE.test(head(block.text)) ||
      block.kind === 'button' ||
      (block.kind !== 'heading' && !block.prose) ||
      navigation.has(i) ||
      isDateline(block.text) ||
      isStrapline(block.text) ||
      isPastedHeaders(block.text)
    )
      kinds[i] = 'header'
    else break
  }
  // Greeting, then the lede: the first content block (a heading and the paragraph after it).
  for (; i < n; i++) {
    if (kinds[i]) continue
    const block = blocks[i]!
    if (isGreeting(block.text)) kinds[i] = 'greeting'
    else break
  }
  for (; i < n; i++) {
    if (kinds[i]) continue
    const block = blocks[i]!
    // A title above the greeting ("# Sorry about your report", then "Hi Ana,").
    kinds[i] = block.kind !== 'heading' && isGreeting(block.text) ? 'greeting' : 'lede'
    if (block.kind !== 'heading' && kinds[i] === 'lede') break
  }
  // The rest is body, or promotion where a block sells something after the lede.
  for (let j = 0; j < n; j++) {
    if (kinds[j]) continue
    const block = blocks[j]!
    // The cheap test first: a long paragraph is body whatever it says.
    kinds[j] =
      (block.kind === 'button' || block.kind === 'heading' || block.kind === 'table-cell' || wordCount(block.text, 20) <= 20) &&
      PROMO_CUE.test(head(block.text))
        ? 'promo'
        : 'body'
  }
  return makeZones(blocks, kinds as ZoneKind[])
}

/**
 * Index of a "View in browser"-like line among the first `limit` blocks with
 * only short lines (no heading) above it, or -1: everything up to it is the
 * template's top strip.
 */
function lastHeaderCue(blocks: readonly Block[], kinds: readonly (ZoneKind | undefined)[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    if (kinds[i]) return -1
    const block = blocks[i]!
    if (HEADER_CUE.test(head(block.text))) return i
    if (block.kind === 'heading' || wordCount(block.text, NAVIGATION_MAX_WORDS) > NAVIGATION_MAX_WORDS) return -1
  }
  return -1
}

/**
 * True for a block that is the email's headers pasted into its text: it
 * starts with a header name and a colon ("From: Tom <tom@…> To: … Subject: …").
 */
function isPastedHeaders(text: string): boolean {
  // The same header names the parser reads at the top of a plain-text draft ("From: …", "**Subject:** …", "Temat: …").
  const colon = text.slice(0, 17).indexOf(':')
  if (colon <= 0) return false
  const after = text.charCodeAt(colon + 1)
  return (after === 32 || after === 9 || after === 10 || after === 13 || after === 0xa0) && isPastedHeaderName(text.slice(0, colon))
}

/** Words of a newsletter's dateline ("Issue 38 · October 2025", "Nr 14 · marzec 2026"), besides numbers. */
const DATELINE_WORDS = new Set([
  ...'issue edition vol volume no number nr numer wydanie edycja'.split(' '),
  ...'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
  ...'styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień'.split(' '),
  ...'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia'.split(' '),
  ...'spring summer autumn fall winter wiosna lato jesień zima'.split(' '),
])

/** Words of a dateline that make it one (a month and a day alone are a date, maybe a heading). */
const DATELINE_ANCHORS = new Set('issue edition vol volume nr numer wydanie edycja'.split(' '))

/** Longest dateline read, in characters. */
const DATELINE_MAX_CHARS = 60

/**
 * True for a block that is only a newsletter's dateline: issue words, month
 * names, numbers and separators, with an issue word or a year among them
 * ("October 2025 · Issue 38", "Nr 14 · marzec 2026").
 */
function isDateline(text: string): boolean {
  if (text.length > DATELINE_MAX_CHARS) return false
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)
  if (!words || words.length < 2) return false
  let anchor = false
  for (const word of words) {
    if (/^\d+$/.test(word)) {
      if (word.length === 4 && (word.startsWith('19') || word.startsWith('20'))) anchor = true
      continue
    }
    if (!DATELINE_WORDS.has(word)) return false
    if (DATELINE_ANCHORS.has(word)) anchor = true
  }
  return anchor
}

/** How far from the top a navigation row is looked for. */
const HEADER_SCAN = 12

/** Most words a navigation row holds ("Book  Manage trip  Check in  Deals"). */
const NAVIGATION_MAX_WORDS = 14

/**
 * Blocks among the first `limit` that are only links, two or more, with
 * nothing but spaces and separators between them: a navigation row
 * ("Shop  Sale  Stores  Help"), not content.
 */
function navigationRows(blocks: readonly Block[], links: readonly Link[], limit: number): Set<number> {
  const byBlock = new Map<number, Link[]>()
  for (const link of links) {
    const at = link.blockIndex
    if (at === undefined || at >= limit || !link.text) continue
    const list = byBlock.get(at)
    if (list) list.push(link)
    else byBlock.set(at, [link])
  }
  const rows = new Set<number>()
  for (const [at, list] of byBlock) if (isNavigationRow(blocks[at]!.text, list)) rows.add(at)
  // A row laid out as table cells, one link each ("e-Kartoteka | Ogłoszenia | Opłaty | Kontakt"): a run of
  // short link-only blocks.
  let run: number[] = []
  const flush = (): void => {
    if (run.length >= NAVIGATION_MIN_CELLS) for (const at of run) rows.add(at)
    run = []
  }
  for (let at = 0; at < Math.min(limit, blocks.length); at++) {
    const list = byBlock.get(at)
    if (list && list.length === 1 && isLinkOnly(blocks[at]!.text, list[0]!)) run.push(at)
    else flush()
  }
  flush()
  return rows
}

/** Fewest one-link cells in a row read as navigation. */
const NAVIGATION_MIN_CELLS = 3
/** Most words of one navigation cell ("Karta CineLux", "Manage booking"). */
const NAVIGATION_CELL_WORDS = 3

/** True for a block that is one short link and nothing else. */
function isLinkOnly(text: string, link: Link): boolean {
  const label = link.text.trim()
  return label.length > 0 && text.trim() === label && wordCount(label, NAVIGATION_CELL_WORDS) <= NAVIGATION_CELL_WORDS
}

/** Most words of a label before a written-out link in a plain-text navigation row ("Dla szkół ( https://… )"). */
const NAVIGATION_LABEL_WORDS = 4

/** Longest block read as a navigation row (written-out tracking links are long). */
const NAVIGATION_MAX_TEXT = 4000

/**
 * True when two or more links make up the whole block: their texts, and
 * before a written-out address its short label, as html-to-text writes a
 * navigation row ("Kuchnia [https://…] Salon [https://…]"); nothing else but
 * spaces and separators. `links` are the block's links in reading order.
 */
export function isNavigationRow(text: string, links: readonly Link[]): boolean {
  if (links.length < 2 || text.length > NAVIGATION_MAX_TEXT) return false
  let pos = 0
  let rest = ''
  let covered = 0
  let words = 0
  for (const link of links) {
    if (!link.text) continue
    const found = text.indexOf(link.text, pos)
    if (found < 0) continue
    let gap = text.slice(pos, found)
    if (isWrittenOut(link)) {
      const label = wordCount(gap.replace(LINK_MARKS, ' '), NAVIGATION_LABEL_WORDS)
      if (label <= NAVIGATION_LABEL_WORDS) {
        words += label
        gap = ''
      }
    } else words += wordCount(link.text, NAVIGATION_MAX_WORDS)
    rest += gap
    pos = found + link.text.length
    covered++
  }
  rest += text.slice(pos)
  return covered >= 2 && words <= NAVIGATION_MAX_WORDS && !/[\p{L}\p{N}]/u.test(rest)
}

/** Brackets and separators around written-out links. */
const LINK_MARKS = /[[\]()<>|·•:*\-–—]/g

/** True for a link whose text is its own address (a plain-text part's `https://…`). */
function isWrittenOut(link: Link): boolean {
  const t = link.text
  return t === link.href || t.startsWith('http://') || t.startsWith('https://') || t.startsWith('www.') || link.href === `mailto:${t}`
}

/** Longest strapline read, in characters. */
const STRAPLINE_MAX_CHARS = 140

/**
 * True for a strapline above the content: short fragments set apart by
 * middle dots, bullets or bars, none of them a sentence ("Darmowa dostawa od
 * 199 zł · Zwroty do 30 dni", "Newsletter Domowo · 5 marca 2026").
 */
export function isStrapline(text: string): boolean {
  if (text.length > STRAPLINE_MAX_CHARS) return false
  const parts = text.split(/[·•|]/)
  if (parts.length < 2) return false
  let words = 0
  for (const part of parts) {
    const t = part.trim()
    if (t === '') continue
    const last = t.charCodeAt(t.length - 1)
    // . ! ? : end a sentence or introduce one.
    if (last === 46 || last === 33 || last === 63 || last === 58) return false
    const n = wordCount(t, STRAPLINE_PART_WORDS)
    if (n > STRAPLINE_PART_WORDS) return false
    words += n
  }
  return words >= 2 && words <= NAVIGATION_MAX_WORDS
}

/** Most words in one fragment of a strapline. */
const STRAPLINE_PART_WORDS = 6

/** Longest block, in words, that a footer holds without a footer cue of its own. */
const FOOTER_MAX_PLAIN_WORDS = 40

/** Index of the last long paragraph before `to` with no footer cue (the message goes on up to there), or -1. */
function lastLongProse(blocks: readonly Block[], to: number, unsubscribeBlocks: ReadonlySet<number>): number {
  for (let j = to - 1; j >= 0; j--) {
    const block = blocks[j]!
    if (block.kind === 'footer' || block.kind === 'signature' || unsubscribeBlocks.has(j)) continue
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue
    if (wordCount(block.text, FOOTER_MAX_PLAIN_WORDS) > FOOTER_MAX_PLAIN_WORDS && !isFooterText(block.text)) return j
  }
  return -1
}

function makeZones(blocks: readonly Block[], kinds: ZoneKind[]): BlockZones {
  const zones: Zone[] = []
  kinds.forEach((kind, i) => {
    const block = blocks[i]!
    const last = zones[zones.length - 1]
    if (last && last.kind === kind && last.endBlock === i) {
      last.endBlock = i + 1
      last.sourceEnd = Math.max(last.sourceEnd, block.sourceEnd)
      return
    }
    const zone: Zone = {kind, startBlock: i, endBlock: i + 1, sourceStart: block.sourceStart, sourceEnd: block.sourceEnd}
    if (block.part) zone.part = block.part
    zones.push(zone)
  })
  let index: Map<Block, number> | undefined
  const indexOf = (block: Block): number | undefined => {
    if (!index) {
      index = new Map()
      blocks.forEach((b, i) => {
        if (!index!.has(b)) index!.set(b, i)
      })
    }
    return index.get(block)
  }
  return {
    zones,
    kinds,
    of(block: Block): ZoneKind {
      const i = indexOf(block)
      return i === undefined ? 'body' : kinds[i]!
    },
    has(block: Block): boolean {
      return indexOf(block) !== undefined
    },
    find(kind: ZoneKind): Zone | undefined {
      return zones.find((z) => z.kind === kind)
    },
  }
}

const cache = new WeakMap<EmailDocument, BlockZones>()
const partCache = new WeakMap<readonly Block[], BlockZones>()

/**
 * The zones of the document's primary body, computed once per document.
 *
 * @example
 * const zones = documentZones(document)
 * const footer = zones.find('footer')
 */
export function documentZones(document: EmailDocument): BlockZones {
  let zones = cache.get(document)
  if (!zones) {
    zones = computeZones(document.blocks, document.links)
    cache.set(document, zones)
  }
  return zones
}

/** The zones of one list of blocks (an `.eml` body alternative), computed once per list. */
export function blockZones(document: EmailDocument, blocks: readonly Block[], links: readonly Link[]): BlockZones {
  if (blocks === document.blocks) return documentZones(document)
  let zones = partCache.get(blocks)
  if (!zones) {
    zones = computeZones(blocks, links)
    partCache.set(blocks, zones)
  }
  return zones
}

/** The zone of a block, whichever body alternative it belongs to. */
export function zoneOfBlock(document: EmailDocument, block: Block): ZoneKind {
  const primary = documentZones(document)
  if (primary.has(block) || !block.part) return primary.of(block)
  const part = document.parts.find((p) => p.kind === block.part)
  return part ? blockZones(document, part.blocks, part.links).of(block) : 'body'
}

/** The zone at a source offset of the primary body, or undefined outside every zone. */
export function zoneOf(document: EmailDocument, offset: number): ZoneKind | undefined {
  // Nested HTML blocks can overlap: the innermost (last starting) zone that holds the offset wins.
  let found: ZoneKind | undefined
  for (const zone of documentZones(document).zones) {
    if (zone.sourceStart > offset) break
    if (offset < zone.sourceEnd) found = zone.kind
  }
  return found
}

/** True for a block in the lede or body zone: the email's own message. */
export function isContentBlock(document: EmailDocument, block: Block): boolean {
  return CONTENT_ZONES.has(zoneOfBlock(document, block))
}
