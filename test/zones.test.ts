import {describe, expect, it} from 'vitest'
import {lintSync} from '../src/lint.js'
import {buildDocumentSync} from '../src/parse/index.js'
import {parseText} from '../src/parse/text.js'
import {computeZones, documentZones, isNavigationRow, isSignOff, isStrapline, isWebVersionLink, zoneOf} from '../src/zones.js'

const kindsOf = (source: string, format: 'text' | 'html' | 'markdown' = 'text'): string[] => {
  const document = buildDocumentSync(source, {format})
  return documentZones(document).kinds
}

describe('zones', () => {
  it('splits a plain-text email into greeting, lede, body, signature and footer', () => {
    const source = [
      'Hi Marta,',
      '',
      'Yesterday we sent you a reminder for an order you had already paid for.',
      '',
      'The payment went through on Monday and nothing is owed. We have removed the reminder from your account.',
      '',
      'Best regards,',
      'Ola from Kettle & Co',
      '',
      'You are receiving this email because you bought from Kettle & Co. Unsubscribe: https://kettle.example/u',
      'Kettle & Co Ltd, 4 Mill Lane, Leeds LS1 4AB',
    ].join('\n')
    expect(kindsOf(source)).toEqual(['greeting', 'lede', 'body', 'signature', 'footer'])
  })

  it('puts a navigation row of links above the content in the header, not the lede', () => {
    const source = [
      '<p>Having trouble reading this? <a href="https://fly.example/web">View in browser</a></p>',
      '<p><a href="https://fly.example/book">Book</a> <a href="https://fly.example/manage">Manage trip</a> <a href="https://fly.example/deals">Deals under £50</a></p>',
      '<h1>We gave the wrong sale dates</h1>',
      '<p>Our Monday email said the sale starts on 3 June. It starts on 10 June.</p>',
    ].join('\n')
    expect(kindsOf(source, 'html')).toEqual(['header', 'header', 'lede', 'lede'])
    // One link with other words around it is content ("Read our <a>new guide</a> before you travel").
    const content = [
      '<p>Read <a href="https://fly.example/a">our guide</a> and <a href="https://fly.example/b">the FAQ</a> before you travel.</p>',
      '<p>Our Monday email said the sale starts on 3 June. It starts on 10 June.</p>',
    ].join('\n')
    expect(kindsOf(content, 'html')[0]).toBe('lede')
  })

  it('reads a navigation row laid out as table cells, one link each, as header', () => {
    const cells = (labels: string[]): string =>
      `<table><tr>${labels.map((l, i) => `<td><a href="https://fly.example/${i}">${l}</a></td>`).join('')}</tr></table>`
    const source = [
      cells(['Book', 'Manage trip', 'Check in', 'Deals']),
      '<h1>We gave the wrong sale dates</h1>',
      '<p>Our Monday email said the sale starts on 3 June. It starts on 10 June.</p>',
    ].join('\n')
    expect(kindsOf(source, 'html')).toEqual(['header', 'header', 'header', 'header', 'lede', 'lede'])
    // Two cells are not a row, and a cell with words beside its link is content.
    expect(kindsOf([cells(['Book', 'Deals']), '<p>Our Monday email said the sale starts on 3 June.</p>'].join('\n'), 'html')[0]).toBe('lede')
  })

  it('puts a newsletter dateline and a "not displaying correctly" line in the header', () => {
    const source = [
      '<p>October 2025 · Issue 38</p>',
      '<p>Not displaying correctly? <a href="https://news.example/web">View in your browser</a></p>',
      '<p>Our renewal email of 29 September showed the wrong amount for annual plans.</p>',
    ].join('\n')
    expect(kindsOf(source, 'html')).toEqual(['header', 'header', 'lede'])
    const polish = [
      '<p>Nr 14 · marzec 2026</p>',
      '<p>Wiadomość nie wyświetla się poprawnie? <a href="https://x.example/w">Otwórz ją tutaj</a></p>',
      '<p>W piątkowym newsletterze podaliśmy złą cenę biletu.</p>',
    ]
    expect(kindsOf(polish.join('\n'), 'html')).toEqual(['header', 'header', 'lede'])
    // A date line is one too; words around a date, or a month without a year or issue number, are content.
    expect(kindsOf('<p>10 March 2026</p>\n<p>We sent the wrong invoice.</p>', 'html')[0]).toBe('header')
    expect(kindsOf('<p>Issue with your March 2026 invoice</p>\n<p>We sent the wrong invoice.</p>', 'html')[0]).toBe('lede')
    expect(kindsOf('<p>March sale</p>\n<p>We sent the wrong invoice.</p>', 'html')[0]).toBe('lede')
    expect(kindsOf('<p>June 10</p>\n<p>We sent the wrong invoice.</p>', 'html')[0]).toBe('lede')
  })

  it('reads straplines and plain-text navigation rows as template chrome', () => {
    expect(isStrapline('Darmowa dostawa od 199 zł · Zwroty do 30 dni')).toBe(true)
    expect(isStrapline('The Lumen Letter · 12 March 2026')).toBe(true)
    expect(isStrapline('Free delivery over £40 | Returns within 30 days | Gift wrapping')).toBe(true)
    // A sentence, a long fragment or one fragment alone is not a strapline.
    expect(isStrapline('We sent the wrong price · sorry.')).toBe(false)
    expect(isStrapline('Our Tuesday email listed the Aria 3 lamp at the wrong price · Lumen')).toBe(false)
    expect(isStrapline('Free delivery over £40')).toBe(false)
    const document = buildDocumentSync(
      [
        'Kuchnia ( https://shop.example/k?u=1 ) Salon [https://shop.example/s?u=2]',
        '',
        'Reset your password ( https://shop.example/reset ) before Friday, please.',
      ].join('\n'),
      {format: 'text'},
    )
    const links = (i: number) => document.links.filter((l) => l.blockIndex === i)
    expect(isNavigationRow(document.blocks[0]!.text, links(0))).toBe(true)
    expect(isNavigationRow(document.blocks[1]!.text, links(1))).toBe(false)
  })

  it('puts short lines above a "View in browser" line in the header (the template’s top strip)', () => {
    const source = [
      '<p>Free UK delivery on orders over £40</p>',
      '<p><a href="https://x.example/web">View in browser</a></p>',
      '<p>Hi Rachel,</p>',
      '<p>The code in Friday’s email had the wrong end date. It works now.</p>',
    ].join('\n')
    expect(kindsOf(source, 'html')).toEqual(['header', 'header', 'greeting', 'lede'])
    // A long paragraph above the line is content, and so is a heading.
    const long = [
      '<p>The code in Friday’s email had the wrong end date, so the checkout rejected it for two days; it works now.</p>',
      '<p><a href="https://x.example/web">View in browser</a></p>',
    ]
    expect(kindsOf(long.join('\n'), 'html')[0]).toBe('lede')
  })

  it('keeps a quoted earlier message in its own zone', () => {
    const source = [
      'Hello,',
      '',
      'We charged your card twice for one ticket and have refunded the second charge today.',
      '',
      '> Why did you take the money twice?',
      '> Piotr',
    ].join('\n')
    expect(kindsOf(source)).toEqual(['greeting', 'lede', 'quote'])
    const forwarded = [
      'Sorry, the invoice we sent this morning had the wrong total. The right one is attached.',
      '',
      'On Tue, 4 Mar 2025, Billing <billing@shop.example> wrote:',
      '',
      'Please find your invoice attached.',
    ].join('\n')
    expect(kindsOf(forwarded)).toEqual(['lede', 'quote', 'quote'])
  })

  it('reads Polish greetings, sign-offs and legal footers', () => {
    const source = [
      'Dzień dobry,',
      '',
      'w piątek wysłaliśmy Państwu fakturę z błędną kwotą. Poprawiona faktura jest w załączniku.',
      '',
      'Z poważaniem',
      'Zespół Sklepu Lipa',
      '',
      'Sklep Lipa sp. z o.o., ul. Długa 5, 00-001 Warszawa, KRS 0000123456. Wszelkie prawa zastrzeżone.',
    ].join('\n')
    expect(kindsOf(source)).toEqual(['greeting', 'lede', 'signature', 'footer'])
  })

  it('reads Polish endings with diacritics in template lines ("wersję", "otrzymałaś", "polityką")', () => {
    expect(isWebVersionLink('Otwórz wersję online')).toBe(true)
    expect(isWebVersionLink('Zobacz wersję przeglądarkową')).toBe(true)
    expect(isWebVersionLink('Nie widzisz grafik?')).toBe(true)
    expect(isWebVersionLink('Nowa wersja aplikacji')).toBe(false)
    const footer = (line: string): string =>
      kindsOf(['Dzień dobry,', '', 'w piątek wysłaliśmy Pani fakturę z błędną kwotą. Poprawiona faktura jest w załączniku.', '', line].join('\n')).at(-1)!
    expect(footer('Otrzymałaś tę wiadomość, bo masz konto w Sklepie Lipa.')).toBe('footer')
    expect(footer('Dane przetwarzamy zgodnie z polityką prywatności Sklepu Lipa.')).toBe('footer')
  })

  it('uses HTML markup: header boilerplate, a <footer> element and an unsubscribe link', () => {
    const html = `<html><body>
<header><p>View this email in your browser</p></header>
<p>Dear Sam,</p>
<p>The link in Tuesday's newsletter pointed to a page that does not exist. Here is the right one.</p>
<p>We are sorry for the trouble.</p>
<p>Kind regards,<br>The Lantern Books team</p>
<footer><p>Lantern Books Ltd, 12 Quay Street, Bristol</p><p><a href="https://lantern.example/unsubscribe">Unsubscribe</a></p></footer>
</body></html>`
    expect(kindsOf(html, 'html')).toEqual(['header', 'greeting', 'lede', 'body', 'signature', 'footer', 'footer'])
  })

  it('does not start the footer at a privacy notice mentioned in the body', () => {
    const source = [
      'Hello,',
      '',
      'On Monday our booking page showed other guests their room numbers for about an hour.',
      '',
      'We are sorry.',
      '',
      'Our privacy policy explains how we store booking data.',
      '',
      'We have since moved room numbers out of the confirmation page, checked every booking made that day, and written to each guest whose room number was shown. If you stayed with us that week and see anything odd on your bill, tell the front desk and we will sort it out the same day.',
      '',
      'Kind regards,',
      'Hotel Brzoza',
    ].join('\n')
    expect(kindsOf(source)).toEqual(['greeting', 'lede', 'body', 'body', 'body', 'signature'])
  })

  it('does not take a sentence of thanks for a sign-off', () => {
    expect(isSignOff('Thank you for your patience while we fixed this.')).toBe(false)
    expect(isSignOff('Thanks,')).toBe(true)
    expect(isSignOff('Best regards Jan Kowalski')).toBe(true)
    expect(isSignOff('Z poważaniem')).toBe(true)
    expect(isSignOff('The Acme Team')).toBe(true)
  })

  it('marks promotion after the lede', () => {
    const blocks = parseText(
      'Sorry: the discount code in our last email expired a day early. It works again until Sunday.\n\nNew arrivals: shop now for spring jackets.',
    ).blocks
    expect(computeZones(blocks).kinds).toEqual(['lede', 'promo'])
  })

  it('answers zoneOf by source offset and exports zones in the result', () => {
    const source = 'Hi Jo,\n\nWe sent the wrong tracking number yesterday; the right one is 123.\n\nCheers,\nMo'
    const result = lintSync(source, {format: 'text'})
    expect(result.zones?.map((z) => z.kind)).toEqual(['greeting', 'lede', 'signature'])
    const document = result.document!
    expect(zoneOf(document, source.indexOf('wrong'))).toBe('lede')
    expect(zoneOf(document, source.indexOf('Mo'))).toBe('signature')
    expect(zoneOf(document, source.indexOf('Jo'))).toBe('greeting')
  })
})

describe('plain-text headings', () => {
  it('reads a short line without closing punctuation above a paragraph as a heading', () => {
    const source =
      'What Happened\nOn 2 May someone copied our customer list from a backup server.\n\nWhat We Are Doing\n\nWe closed the server and told the regulator the same day.'
    const kinds = parseText(source).blocks.map((b) => [b.kind, b.text])
    expect(kinds).toEqual([
      ['heading', 'What Happened'],
      ['paragraph', 'On 2 May someone copied our customer list from a backup server.'],
      ['heading', 'What We Are Doing'],
      ['paragraph', 'We closed the server and told the regulator the same day.'],
    ])
  })

  it('does not read greetings, sign-offs, sentences or address lines as headings', () => {
    const source =
      'Dear Ana\nWe sent you the wrong parcel yesterday and a courier will swap it on Friday.\n\nBest regards\nThe Post Room team\n\nThe item you ordered\nwas a blue lamp'
    const kinds = parseText(source).blocks.map((b) => b.kind)
    expect(kinds).not.toContain('heading')
  })

  it('lets a plain-text California notice with its five headings pass the heading check', () => {
    const source = [
      'Notice of Data Breach',
      '',
      'What Happened',
      'On 14 January 2025 an attacker used a stolen staff password to read part of our order database.',
      '',
      'What Information Was Involved',
      'Names, email addresses and delivery addresses of about 2,000 customers. No card numbers were stored there.',
      '',
      'What We Are Doing',
      'We reset every staff password the same day and reported the incident to the police.',
      '',
      'What You Can Do',
      'Be careful with emails that ask you to confirm your address or pay a small delivery fee.',
      '',
      'For More Information',
      'Call us on 0800 123 4567 or write to privacy@parcelpoint.example.',
    ].join('\n')
    const result = lintSync(source, {format: 'text', incident: {kind: 'data-breach', jurisdiction: 'us-ca'}})
    expect(result.diagnostics.filter((d) => d.ruleId === 'data-breach-notice').map((d) => d.message)).toEqual([])
  })

  it('still reports a missing California heading in plain text', () => {
    const source = [
      'Notice of Data Breach',
      '',
      'What Happened',
      'On 14 January 2025 an attacker used a stolen staff password to read part of our order database.',
      '',
      'What Information Was Involved',
      'Names, email addresses and delivery addresses of about 2,000 customers.',
      '',
      'We reset every staff password the same day. Change your password and call us on 0800 123 4567 with questions.',
    ].join('\n')
    const result = lintSync(source, {format: 'text', incident: {kind: 'data-breach', jurisdiction: 'us-ca'}})
    const headings = result.diagnostics.filter((d) => d.messageId === 'caHeading').map((d) => d.message)
    expect(headings.some((m) => m.includes('What We Are Doing'))).toBe(true)
    expect(headings.some((m) => m.includes('What Happened'))).toBe(false)
  })
})

describe('unsupported language', () => {
  const german = [
    'Sehr geehrte Kundin, sehr geehrter Kunde,',
    '',
    'leider haben wir Ihnen gestern eine Rechnung mit einem falschen Betrag geschickt. Das tut uns sehr leid.',
    'Die korrigierte Rechnung finden Sie im Anhang. Sie müssen nichts weiter tun.',
    '',
    'Mit freundlichen Grüßen',
    'Ihr Team vom Buchladen',
  ].join('\n')

  it('runs only structural rules on a German apology and says so once', () => {
    const result = lintSync(german, {format: 'text', from: 'Buchladen <noreply@buchladen.example>'})
    const ids = result.diagnostics.map((d) => d.ruleId)
    expect(ids).toContain('unsupported-language')
    expect(ids).toContain('no-reply-sender')
    expect(ids).not.toContain('missing-apology')
    expect(ids).not.toContain('missing-explanation')
    const info = result.diagnostics.find((d) => d.ruleId === 'unsupported-language')!
    expect(info.severity).toBe('info')
    expect(info.message).toContain('German')
    expect(info.message).toContain('structural')
    // The checklist does not claim the apology passed when nothing checked it.
    const apology = result.checklist!.items.find((item) => item.ruleIds.includes('missing-apology'))
    expect(apology?.status ?? 'not-applicable').toBe('not-applicable')
  })

  it('does the same when an unsupported language is configured', () => {
    const result = lintSync('We are sorry that the parcel arrived late; a new one is on its way today.', {format: 'text', language: 'fr'})
    expect(result.languageSource).toBe('config-unsupported')
    const ids = result.diagnostics.map((d) => d.ruleId)
    expect(ids.filter((id) => id === 'unsupported-language')).toHaveLength(1)
    // The sentence is English, but the configured language wins: no word-list rule ran.
    expect(ids.every((id) => ['unsupported-language', 'unbranded-layout', 'no-reply-sender'].includes(id))).toBe(true)
    expect(result.diagnostics.find((d) => d.ruleId === 'unsupported-language')!.message).toContain('French')
  })

  it('stays silent about language for English and Polish', () => {
    const result = lintSync('Przepraszamy: wczoraj wysłaliśmy błędny link do faktury. Poprawny link jest poniżej.', {format: 'text'})
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('unsupported-language')
  })
})
