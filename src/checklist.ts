/**
 * A verdict a person can read: each point of the guidance as pass / fail /
 * not-applicable with the findings behind it, and a 0–100 readiness score.
 */
import type {EmailDocument} from './document.js'
import type {Diagnostic, Settings} from './rule.js'

/** One guidance point. */
export interface ChecklistItem {
  id: string
  /** The guidance point, as a reader would say it. */
  item: string
  status: 'pass' | 'fail' | 'not-applicable'
  /** Rules whose findings decide the point. */
  ruleIds: string[]
  /** How many findings (errors and warnings; info is advice and fails nothing) are behind a failure. */
  findings: number
  /** The rules among `ruleIds` whose findings fail the point. */
  firedRuleIds: string[]
  /** Weight in the readiness score (see README). */
  weight: number
}

/** The checklist and its score. */
export interface Checklist {
  items: ChecklistItem[]
  /** 0–100: the weighted share of applicable points that pass; 0 when the email must not be sent at all. */
  score: number
  /** True when a finding says not to send this email at all (suppression-list incident). */
  doNotSend: boolean
}

interface Point {
  id: string
  item: string
  ruleIds: string[]
  weight: number
  applies: (document: EmailDocument, settings: Settings) => boolean
}

/** The guidance points and their weights; the README documents the same table. */
export const CHECKLIST_POINTS: readonly Point[] = [
  {
    id: 'clear-subject',
    item: 'A clear subject line that says what the email is about',
    ruleIds: ['unclear-subject'],
    weight: 10,
    applies: (d) => d.subject !== undefined,
  },
  {id: 'sincere-apology', item: 'A sincere, owned apology', ruleIds: ['missing-apology', 'evasive-wording'], weight: 15, applies: () => true},
  {id: 'explanation', item: 'A simple explanation of what went wrong', ruleIds: ['missing-explanation'], weight: 15, applies: () => true},
  {
    id: 'action-steps',
    item: 'Practical steps for the reader (or that none are needed)',
    ruleIds: ['missing-action-steps', 'part-mismatch'],
    weight: 15,
    applies: () => true,
  },
  {id: 'lede-first', item: 'The apology and the error come first', ruleIds: ['buried-lede'], weight: 10, applies: () => true},
  {id: 'no-humour', item: 'No humour about the mistake', ruleIds: ['humour'], weight: 10, applies: () => true},
  {id: 'no-vague-wording', item: 'No vague wording', ruleIds: ['vague-wording'], weight: 5, applies: () => true},
  {id: 'branded-template', item: 'A branded template readers recognise', ruleIds: ['unbranded-layout'], weight: 10, applies: () => true},
  {id: 'reachable-sender', item: 'A sender people can reply to', ruleIds: ['no-reply-sender'], weight: 5, applies: () => true},
  {
    id: 'right-audience',
    item: 'Sent only to the people who were affected',
    ruleIds: ['unaffected-recipients', 'suppression-list-resend'],
    weight: 5,
    applies: (_d, s) => s.incident?.audience !== undefined || s.incident?.kind === 'suppression-list',
  },
  {
    id: 'breach-notice',
    item: 'A data-breach notice says what the law expects',
    ruleIds: ['data-breach-notice'],
    weight: 10,
    applies: (_d, s) => s.incident?.kind === 'data-breach',
  },
]

/** Builds the checklist from one email's findings. `enabled` lists the rules that ran. */
export function buildChecklist(document: EmailDocument, diagnostics: readonly Diagnostic[], settings: Settings, enabled: ReadonlySet<string>): Checklist {
  const items: ChecklistItem[] = []
  let total = 0
  let passed = 0
  for (const point of CHECKLIST_POINTS) {
    const behind = diagnostics.filter((d) => d.severity !== 'info' && point.ruleIds.includes(d.ruleId))
    const findings = behind.length
    const firedRuleIds = point.ruleIds.filter((id) => behind.some((d) => d.ruleId === id))
    const ran = point.ruleIds.some((id) => enabled.has(id))
    // A breach detected from the text makes the breach point apply even without incident settings.
    const applies = ran && (point.applies(document, settings) || findings > 0)
    const status: ChecklistItem['status'] = !applies ? 'not-applicable' : findings > 0 ? 'fail' : 'pass'
    items.push({id: point.id, item: point.item, status, ruleIds: point.ruleIds, findings, firedRuleIds, weight: point.weight})
    if (status === 'not-applicable') continue
    total += point.weight
    if (status === 'pass') passed += point.weight
  }
  const doNotSend = diagnostics.some((d) => d.ruleId === 'suppression-list-resend')
  const score = doNotSend || total === 0 ? (doNotSend ? 0 : 100) : Math.round((100 * passed) / total)
  return {items, score, doNotSend}
}

/** Renders the checklist for a terminal. */
export function formatChecklist(checklist: Checklist, color: boolean): string {
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
  const mark = {pass: paint(32, '✔ pass'), fail: paint(31, '✖ fail'), 'not-applicable': paint(90, '– n/a ')}
  let out = ''
  for (const item of checklist.items) {
    const detail = item.status === 'fail' ? ` (${item.findings} finding${item.findings === 1 ? '' : 's'}: ${item.firedRuleIds.join(', ')})` : ''
    out += `  ${mark[item.status]}  ${item.item}${detail}\n`
  }
  out += checklist.doNotSend ? `  Readiness: 0/100 — do not send this email.\n` : `  Readiness: ${checklist.score}/100\n`
  return out
}
