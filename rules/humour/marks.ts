/**
 * Language-neutral signs of joking: emoji, emoticons and runs of exclamation
 * marks. They are not word tokens, so they are found by one linear scan over
 * a block's text, without regular expressions.
 */

/** What a playful emoji shows, for the message. */
export type EmojiKind =
  | 'laughing'
  | 'face-palm'
  | 'see-no-evil'
  | 'grimacing'
  | 'upside-down'
  | 'winking'
  | 'tongue-out'
  | 'shrug'
  | 'giggling'
  | 'clown'
  | 'melting'

/**
 * Emoji that joke about a mistake. Sincere or neutral ones (🙏 folded hands,
 * 😔 pensive, 😊 smiling, ❤️) are deliberately absent.
 */
export const PLAYFUL_EMOJI: ReadonlyMap<number, EmojiKind> = new Map<number, EmojiKind>([
  [0x1f602, 'laughing'], // 😂 face with tears of joy
  [0x1f923, 'laughing'], // 🤣 rolling on the floor laughing
  [0x1f606, 'laughing'], // 😆 grinning squinting face
  [0x1f605, 'laughing'], // 😅 grinning face with sweat
  [0x1f604, 'laughing'], // 😄 grinning face with smiling eyes
  [0x1f601, 'laughing'], // 😁 beaming face with smiling eyes
  [0x1f639, 'laughing'], // 😹 cat with tears of joy
  [0x1f926, 'face-palm'], // 🤦 person facepalming
  [0x1f648, 'see-no-evil'], // 🙈 see-no-evil monkey
  [0x1f649, 'see-no-evil'], // 🙉 hear-no-evil monkey
  [0x1f64a, 'see-no-evil'], // 🙊 speak-no-evil monkey
  [0x1f62c, 'grimacing'], // 😬 grimacing face
  [0x1f643, 'upside-down'], // 🙃 upside-down face
  [0x1f609, 'winking'], // 😉 winking face
  [0x1f61c, 'tongue-out'], // 😜 winking face with tongue
  [0x1f61d, 'tongue-out'], // 😝 squinting face with tongue
  [0x1f61b, 'tongue-out'], // 😛 face with tongue
  [0x1f92a, 'tongue-out'], // 🤪 zany face
  [0x1f937, 'shrug'], // 🤷 person shrugging
  [0x1f92d, 'giggling'], // 🤭 face with hand over mouth
  [0x1fae2, 'giggling'], // 🫢 face with open eyes and hand over mouth
  [0x1fae3, 'giggling'], // 🫣 face with peeking eye
  [0x1f921, 'clown'], // 🤡 clown face
  [0x1fae0, 'melting'], // 🫠 melting face
])

/** A sign found in a text: offsets in that text. */
export interface Mark {
  start: number
  end: number
  text: string
}

/** A playful emoji with its kind. */
export interface EmojiMark extends Mark {
  kind: EmojiKind
}

/** True for code points that extend an emoji: skin tones, variation selector 16, gender signs after a joiner. */
function isEmojiModifier(cp: number): boolean {
  return (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f
}

/** Finds playful emoji, each with its modifiers and joined parts (`🤦🏻‍♂️` is one mark). */
export function findEmoji(text: string): EmojiMark[] {
  const out: EmojiMark[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // Every emoji we look for lies outside the Basic Multilingual Plane.
    if (c < 0xd800 || c > 0xdbff) continue
    const cp = text.codePointAt(i)!
    const kind = PLAYFUL_EMOJI.get(cp)
    if (kind === undefined) {
      i++
      continue
    }
    let end = i + 2
    // Each step consumes at least one code unit, so the extension is linear.
    for (;;) {
      const next = text.codePointAt(end)
      if (next === undefined) break
      if (isEmojiModifier(next)) {
        end += next > 0xffff ? 2 : 1
      } else if (next === 0x200d) {
        const joined = text.codePointAt(end + 1)
        if (joined === undefined) break
        end += 1 + (joined > 0xffff ? 2 : 1)
      } else break
    }
    out.push({start: i, end, text: text.slice(i, end), kind})
    i = end - 1
  }
  return out
}

/**
 * Emoticons that wink, laugh or stick the tongue out. The plain smile `:)`
 * is friendly rather than joking and is not listed. Longer forms come first
 * so that `:-P` wins over `:-`.
 */
export const EMOTICONS: readonly string[] = [
  '¯\\_(ツ)_/¯',
  ':-P',
  ':-p',
  ':-D',
  ';-)',
  ';-P',
  ';-p',
  ';-D',
  ":'D",
  ':P',
  ':p',
  ':D',
  ';)',
  ';P',
  ';p',
  ';D',
  '^_^',
  '^^',
  'xD',
  'XD',
]

/** First code units of the emoticons (all in Latin-1), so the scan compares numbers, not one-character strings. */
const EMOTICON_FIRST = new Uint8Array(256)
for (const e of EMOTICONS) EMOTICON_FIRST[e.charCodeAt(0)] = 1

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false
  const c = ch.charCodeAt(0)
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true
  return c > 127 && ch.toLowerCase() !== ch.toUpperCase()
}

/** Characters an emoticon may follow: white space, an opening bracket or quote. */
const OPEN_BEFORE = new Set([' ', '\t', '\n', '\r', '\u00a0', '(', '[', '"', "'", '„', '“', '‘', '«'])
/** Characters an emoticon may precede: white space, closing punctuation. */
const CLOSE_AFTER = new Set([' ', '\t', '\n', '\r', '\u00a0', ')', ']', '"', "'", '”', '’', '»', '.', ',', '!', '?', ';', '…'])

/**
 * Finds emoticons that stand alone: `:P` at the end of a sentence, not the
 * `:Pa` in `http://x/:Pa`; `xD` and `xDDD` as whole words only.
 */
export function findEmoticons(text: string): Mark[] {
  const out: Mark[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 255 || EMOTICON_FIRST[code] === 0) continue
    const before = i > 0 ? text[i - 1]! : undefined
    if (before !== undefined && !OPEN_BEFORE.has(before)) continue
    for (const emoticon of EMOTICONS) {
      if (!text.startsWith(emoticon, i)) continue
      let end = i + emoticon.length
      // xD, xDD, xDDD: the repeated letter is part of the laugh.
      if (emoticon === 'xD' || emoticon === 'XD') while (text[end] === 'D') end++
      const after = end < text.length ? text[end]! : undefined
      if (after !== undefined && !CLOSE_AFTER.has(after)) break
      if (after !== undefined && isWordChar(after)) break
      out.push({start: i, end, text: text.slice(i, end)})
      i = end - 1
      break
    }
  }
  return out
}

/** Finds runs of two or more exclamation marks (`!!`, `!!!`, `?!!`), each as one mark. */
export function findExclamationRuns(text: string): Mark[] {
  const out: Mark[] = []
  let i = text.indexOf('!')
  while (i !== -1) {
    // A run is the maximal stretch of `!` and `?`; the question marks before
    // the first `!` were never part of an earlier run, so each character is
    // looked at a bounded number of times.
    let start = i
    while (start > 0 && text[start - 1] === '?') start--
    let end = i
    let bangs = 0
    while (end < text.length && (text[end] === '!' || text[end] === '?')) {
      if (text[end] === '!') bangs++
      end++
    }
    if (bangs >= 2) out.push({start, end, text: text.slice(start, end)})
    i = text.indexOf('!', end)
  }
  return out
}
