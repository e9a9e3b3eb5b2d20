/**
 * Evasion beyond "due to + agent" and stretched-word humour: each shape with
 * the look-alikes that must stay clean beside it.
 */
import {describe, expect, it} from 'vitest'
import {lintSync} from '../src/index.js'
import {builtinRules} from '../rules/index.js'
import {isStretched} from '../rules/humour/index.js'

const only = (id: string): Record<string, string> => Object.fromEntries(builtinRules.map((r) => [r.id, r.id === id ? 'warn' : 'off']))
const found = (text: string, id: string): string[] =>
  lintSync(text, {format: 'text', rules: only(id) as never, from: 'Acme <support@acme.example>'}).diagnostics.map((d) => d.actual ?? '')
const evasive = (text: string): string[] => found(text, 'evasive-wording')

describe('evasive-wording: someone else tells the story', () => {
  it('flags a third party as the informant, active or passive', () => {
    expect(evasive('Our hosting provider told us on Friday that the backups had failed.')).toEqual(['provider told us'])
    expect(evasive('We have been notified by our payroll vendor that two files were opened.')).toEqual(['We have been notified by our payroll vendor'])
    expect(evasive('Nasz dostawca nas poinformował, że kopie zapasowe nie powstały.')).toEqual(['dostawca nas poinformował'])
    expect(evasive('Zostaliśmy poinformowani przez firmę kurierską, że paczki utknęły w sortowni.')).toEqual(['Zostaliśmy poinformowani przez firmę kurierską'])
  })

  it('leaves readers, our own team and our own company as informants alone', () => {
    expect(evasive('Several customers told us on Friday that the link did not open.')).toEqual([])
    expect(evasive('Our support team told us about the broken link within minutes.')).toEqual([])
    expect(evasive('Our company informed us of the new rota on Monday.')).toEqual([])
    expect(evasive('Klienci poinformowali nas o błędzie w piątek rano.')).toEqual([])
  })
})

describe('evasive-wording: the site or system as the actor', () => {
  it('flags it when the verb is the harm or the clause names a mistake', () => {
    expect(evasive('Our app exposed the delivery notes of other customers for an hour.')).toEqual(['Our app exposed'])
    expect(evasive('The booking system sent a duplicate invoice to 40 customers.')).toEqual(['The booking system sent'])
    expect(evasive('System omyłkowo naliczył opłatę za dostawę dwa razy.')).toEqual(['System omyłkowo naliczył'])
  })

  it('leaves plain reports and corrections alone', () => {
    expect(evasive('Our system sent your refund on Monday morning.')).toEqual([])
    expect(evasive('Our website now shows the correct price for every size.')).toEqual([])
    expect(evasive('Nasz system wysłał już Państwu potwierdzenie zwrotu.')).toEqual([])
  })

  it('says nothing once the email owns the mistake', () => {
    expect(evasive('Our app exposed the delivery notes of other customers for an hour. That was our mistake, and we are sorry.')).toEqual([])
  })
})

describe('evasive-wording: technical causes, regret for writing, minimisers', () => {
  it('flags a technical error as the cause, in English and Polish', () => {
    expect(evasive('The link did not work due to a technical error.')).toEqual(['due to a technical error'])
    expect(evasive('Z przyczyn technicznych wiadomość dotarła dwa razy.')).toEqual(['Z przyczyn technicznych'])
    expect(evasive('W piątek doszło do błędu przy wysyłce faktur.')).toEqual(['doszło do błędu'])
    expect(evasive('The trains were cancelled due to the storm on Sunday.')).toEqual([])
  })

  it('flags regret for having to write, not regret for the mistake', () => {
    expect(evasive('Acme regrets that we have to write to you about this.')).toEqual(['regrets that we have to'])
    expect(evasive('We are sorry that we have to write to you about a mistake we made.')).toEqual([])
  })

  it('flags harm played down, and leaves a plain list of what was taken', () => {
    expect(evasive('The only information accessed was your name.')).toEqual(['The only information accessed'])
    expect(evasive('The impact, if any, will be a few more spam emails.')).toEqual(['impact, if any'])
    expect(evasive('Your name and email address were copied; nothing else was.')).toEqual([])
    expect(evasive('If you have any questions, reply to this email.')).toEqual([])
  })
})

describe('humour: stretched words', () => {
  it('tells a held letter from acronyms, numerals and placeholders', () => {
    for (const word of ['soooo', 'Sooooo', 'loooong', 'baaardzo', 'sorrrry', 'SOOOO']) expect(isStretched(word), word).toBe(true)
    for (const word of ['AAA', 'III', 'XXX', 'zzzz', 'www', 'coffee', 'Hawaii', 'A1111', 'free']) expect(isStretched(word), word).toBe(false)
  })

  it('reports the word in a sentence, and not inside a web address', () => {
    expect(found('We are soooo sorry about the wrong date.', 'humour')).toEqual(['soooo'])
    expect(found('The new date is on https://acme.example/sooooon today. We are sorry.', 'humour')).toEqual([])
  })
})
