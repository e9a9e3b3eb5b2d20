/**
 * Conditions on a candidate must not hide another candidate: a phrase that a
 * rule rejects (by its context, its `allow` option or a placeholder) leaves
 * shorter or overlapping phrases to be found.
 */
import {describe, expect, it} from 'vitest'
import {lintSync} from '../src/index.js'
import {builtinRules} from '../rules/index.js'

const only = (id: string, options?: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(builtinRules.map((r) => [r.id, r.id === id ? (options ? ['warn', options] : 'warn') : 'off']))
const found = (text: string, id: string, options?: Record<string, unknown>): string[] =>
  lintSync(text, {format: 'text', rules: only(id, options) as never, from: 'Acme Support <support@acme.example>'}).diagnostics.map((d) => d.actual ?? '')

describe('rejected candidates hide nothing', () => {
  it('no-reply-sender: a longer "please do not reply" that does not end the sentence leaves "do not reply to this"', () => {
    expect(found('We are sorry for the wrong date. Please do not reply to this email.', 'no-reply-sender')).toEqual(['do not reply to this'])
    expect(found('We are sorry for the wrong date. Please do not reply.', 'no-reply-sender')).toEqual(['Please do not reply'])
  })

  it('vague-wording: an allowed phrase does not hide an overlapping vague one', () => {
    const text = 'We are sorry. It appears some customers received the wrong invoice on Monday.'
    expect(found(text, 'vague-wording')).toEqual(['It appears some'])
    expect(found(text, 'vague-wording', {allow: ['it appears']})).toEqual(['some customers'])
  })

  it('evasive-wording: an allowed phrase does not hide an overlapping evasive one', () => {
    const text = 'We are sorry. It was just a minor glitch at our partner company on Monday.'
    expect(found(text, 'evasive-wording', {extraPhrases: ['glitch at our partner company']})).toEqual(['glitch at our partner company'])
    expect(found(text, 'evasive-wording', {extraPhrases: ['glitch at our partner company'], allow: ['our partner']})).toEqual(['just a minor glitch'])
  })

  it('humour: an allowed phrase keeps its words allowed, and a rejected one hides no joke after it', () => {
    expect(found('We are sorry, just kidding about the price.', 'humour', {allow: ['just kidding']})).toEqual([])
    expect(found('We are sorry, just kidding about the price.', 'humour')).toEqual(['just kidding'])
    expect(found('We are sorry, no kidding: the price was wrong.', 'humour')).toEqual([])
  })
})
