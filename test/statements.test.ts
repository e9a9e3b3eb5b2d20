import {describe, expect, it} from 'vitest'
import {probeRule} from './helpers.js'
import {lintSync} from '../src/lint.js'

/** Rule ids that fire on a plain-text email, with only the given rules on. */
const fired = (text: string, rules: string[], language: 'en' | 'pl' = 'en'): string[] => {
  const result = lintSync(text, {format: 'text', language, rules: Object.fromEntries(rules.map((r) => [r, 'warn'] as const))})
  return [...new Set(result.diagnostics.map((d) => d.ruleId))].filter((id) => rules.includes(id))
}

describe('statements of what went wrong (missing-explanation)', () => {
  const explained = (body: string): boolean =>
    !fired(`Hi Ola,\n\nWe are sorry.\n\n${body}\n\nBest,\nThe Lamp team`, ['missing-explanation']).includes('missing-explanation')
  const explainedPl = (body: string): boolean =>
    !fired(`Dzień dobry,\n\nprzepraszamy.\n\n${body}\n\nZespół Lampy`, ['missing-explanation'], 'pl').includes('missing-explanation')

  it('counts passive data loss, cause and effect, and first-person admissions', () => {
    expect(explained('Customer names and phone numbers were copied from an old backup server last week.')).toBe(true)
    expect(explained('A power cut at our warehouse stopped the packing line, which delayed every parcel by two days.')).toBe(true)
    expect(explained('A frozen pipe flooded the sorting room. This caused long delays for about 300 orders.')).toBe(true)
    expect(explained('I broke the signup form when I changed its layout on Friday.')).toBe(true)
    expect(explained('We lacked the patience to test the new checkout page before launching it.')).toBe(true)
    expect(explained('We charged the card twice for one order.')).toBe(true)
  })

  it('counts a value too high or low, and a message sent days early', () => {
    expect(explained('Wednesday’s statement showed your points balance ten times too high.')).toBe(true)
    expect(explained('We sent your presale code two days early.')).toBe(true)
    expect(explained('The early bird offer ends on Friday.')).toBe(false)
  })

  it('does not count a denial, vague wording or a cause hidden behind "caused by"', () => {
    expect(explained('We have no sign that any customer data was copied.')).toBe(false)
    expect(explained('Sorry for the confusion caused by a technical glitch in our update.')).toBe(false)
    expect(explained('Something went wrong on our side.')).toBe(false)
  })

  it('counts a machine that broke down or overheated, and an interruption', () => {
    expect(explained('The projector in screen 4 overheated and shut down.')).toBe(true)
    expect(explained('The screening was interrupted after 40 minutes.')).toBe(true)
    expect(explainedPl('W projektorze w sali 4 przegrzał się moduł zasilania.')).toBe(true)
    expect(explainedPl('W serwerowni zepsuła się klimatyzacja.')).toBe(true)
    expect(explainedPl('Seans przerwaliśmy po 40 minutach i nie udało się go wznowić.')).toBe(true)
    expect(explainedPl('Zamówienie wysłaliśmy dziś rano.')).toBe(false)
  })

  it('counts work that will not be done in time, and not a promise to be ready', () => {
    expect(explained("Our venue told us that the repairs to the stage won't be finished in time for Friday.")).toBe(true)
    expect(explained('The new boilers were not ready in time for the start of term.')).toBe(true)
    expect(explainedPl('Dostawca poinformował nas, że remont sceny nie zostanie ukończony na czas.')).toBe(true)
    expect(explainedPl('Wykonawca nie zdążył z wymianą kotłów przed początkiem semestru.')).toBe(true)
    expect(explained('Your new tickets will be ready in time for the show.')).toBe(false)
    expect(explainedPl('Nowe bilety będą gotowe na czas.')).toBe(false)
    expect(explainedPl('Jeśli nie zdążysz odebrać paczki, przedłużymy termin.')).toBe(false)
  })
})

describe('a person owning a failure in Polish (missing-explanation)', () => {
  const explained = (body: string): boolean =>
    !fired(`Dzień dobry,\n\nprzepraszam.\n\n${body}\n\nPozdrawiam,\nPaweł`, ['missing-explanation'], 'pl').includes('missing-explanation')

  it('counts "nie poprosiłem o…", "nie sprawdziłam…" as in "nie sprawdziliśmy…"', () => {
    expect(explained('Salę rezerwowałem telefonicznie, ale nie poprosiłem o potwierdzenie rezerwacji.')).toBe(true)
    expect(explained('Nie sprawdziłam linku przed wysyłką.')).toBe(true)
  })

  it('does not count an expectation for the right value ("środki powinny być widoczne w ciągu 2 dni")', () => {
    expect(explained('Środki powinny być widoczne na koncie w ciągu 2–3 dni roboczych.')).toBe(false)
    expect(explained('Cena tej lampy powinna być 149 zł, a nie 49 zł.')).toBe(true)
  })

  it('counts the right value against the wrong one after a comma ("1899 zł, nie 1299 zł"), but not a comma and "nie" alone', () => {
    expect(explained('Ekspres kosztuje 1899 zł, nie 1299 zł.')).toBe(true)
    expect(explained('Spokojnie, nie musisz nic robić.')).toBe(false)
    expect(explained('Jeśli kupiłeś bilet, nie musisz go wymieniać.')).toBe(false)
  })

  it('does not count an intention or an inability', () => {
    expect(explained('Nie chciałem Was martwić.')).toBe(false)
    expect(explained('Nie miałam wtedy dostępu do poczty.')).toBe(false)
  })
})

describe('what the reader entrusted is not what was affected (vague-wording)', () => {
  const vague = (body: string, language: 'en' | 'pl' = 'en'): boolean =>
    fired(`Hello,\n\nWe are sorry.\n\n${body}\n\nRegards,\nThe Kiln team`, ['vague-wording'], language).includes('vague-wording')

  it('does not flag "you trusted us with some of your information"', () => {
    expect(vague('You trusted us with some of your most sensitive information, and we did not protect it.')).toBe(false)
    expect(vague('Powierzyli nam Państwo część swoich danych, a my ich nie ochroniliśmy.', 'pl')).toBe(false)
  })

  it('still flags some of your information as what was exposed', () => {
    expect(vague('Some of your personal information was exposed on Monday.')).toBe(true)
    expect(vague('Część Państwa danych wyciekła w poniedziałek.', 'pl')).toBe(true)
  })
})

describe('headers pasted at the top of a text or Markdown email (buried-lede)', () => {
  it('does not take the pasted Subject line for the opening of the message', () => {
    const source = [
      '**From:** Tom <tom@brightpage.example>',
      '**Subject:** March news and your February payment, which we charged twice',
      '',
      'Hi Priya,',
      '',
      'Spring is here. Offline playlists are live: download a playlist in one tap and listen anywhere, for thirty days.',
      '',
      'Until 31 March, switch to the annual plan and pay just £75.50 for the year. Use code SPRING30 at checkout.',
      '',
      'We are sorry: on 1 February we took your £8.99 payment twice. The second payment is refunded; you need do nothing.',
    ].join('\n')
    const markdown = lintSync(source, {format: 'markdown', rules: {'buried-lede': 'warn'}}).diagnostics.filter((d) => d.ruleId === 'buried-lede')
    expect(markdown.map((d) => d.messageId)).toEqual(['buried'])
  })

  it('reads reference lines as a letter’s layout, and an apology in the pasted subject as the subject’s', () => {
    const letter = [
      'From: Admissions <admissions@hexbridge.example>',
      'Subject: We sent you an offer email by mistake',
      '',
      'Dear Aisha,',
      '',
      'Application reference: HX25-PG-04817',
      '',
      'Programme: MSc Data Science (full-time, September entry)',
      '',
      'I am writing to apologise. Yesterday we sent you an offer email by mistake: no decision has been made yet.',
    ].join('\n')
    expect(fired(letter, ['buried-lede'])).toEqual([])
    const school = [
      'Od: Sekretariat <sekretariat@sp12.example>',
      'Temat: Zebranie z rodzicami klas 4-8 przeniesione z 13 na 20 listopada w sali gimnastycznej szkoły podstawowej numer dwanaście w Gdańsku przy ulicy Szkolnej - przepraszamy za późną informację',
      '',
      'Szanowni Rodzice,',
      '',
      'przepraszamy. Zebranie z rodzicami, które zapowiedzieliśmy na jutro, przenosimy na 20 listopada.',
    ].join('\n')
    expect(fired(school, ['buried-lede'], 'pl')).toEqual([])
  })

  it('reads "offline" before a noun as a feature, not an outage (missing-explanation)', () => {
    const explained = (body: string): boolean =>
      !fired(`Hi Ola,\n\nWe are sorry.\n\n${body}\n\nBest,\nThe Lamp team`, ['missing-explanation']).includes('missing-explanation')
    expect(explained('Offline playlists are live in the app.')).toBe(false)
    expect(explained('Our booking site was offline for three hours on Monday.')).toBe(true)
  })
})

describe('the reader’s feelings are not a hedge (vague-wording)', () => {
  const vague = (body: string): boolean => fired(`Hello,\n\n${body}\n\nRegards,\nThe Kiln team`, ['vague-wording']).includes('vague-wording')

  it('does not flag "may have worried you", but still flags a hedge about what happened', () => {
    expect(vague('I am sorry that we sent you a statement that was wrong and may have worried you.')).toBe(false)
    expect(vague('I am sorry: your card details may have been copied on Monday.')).toBe(true)
  })
})

describe('an act owned in one sentence and named a mistake in the next (evasive-wording)', () => {
  const passives = (text: string, language: 'en' | 'pl' = 'en'): string[] =>
    lintSync(text, {format: 'text', language, rules: {'evasive-wording': 'warn'}})
      .diagnostics.filter((d) => d.ruleId === 'evasive-wording')
      .map((d) => d.actual ?? '')

  it('does not call the repeated verb a dodge, and still flags a passive with nobody behind it', () => {
    expect(passives('Dear Aisha,\n\nYesterday we sent you an email headed "Your offer". That email was sent to you in error. We are sorry.')).toEqual([])
    expect(passives('Dzień dobry,\n\nwczoraj wysłaliśmy Pani ofertę. Ta wiadomość została wysłana omyłkowo. Przepraszamy.', 'pl')).toEqual([])
    expect(passives('Dear Aisha,\n\nAn offer email was sent to you in error. We are sorry.')).toEqual(['was sent'])
    // Another verb in the next sentence is not the act the sender owned.
    expect(passives('Dear Aisha,\n\nWe sent the update yesterday. Mistakes were made. We are sorry.')).toEqual(['were made'])
    expect(passives('Dear Aisha,\n\nWe sent our newsletter on Monday. The wrong price was given in it. We are sorry.')).toEqual(['was given'])
  })

  it('finds the owned act after a present verb that only ends like a past ("we need to tell you")', () => {
    expect(passives('Dear Aisha,\n\nWe also need to tell you about an email we sent you yesterday. That email was sent to you by mistake.')).toEqual([])
    expect(passives('Dear Aisha,\n\nWe need to tell you about yesterday’s email. That email was sent to you by mistake.')).toEqual(['was sent'])
  })
})

describe('a reason after our own act is not blame (evasive-wording)', () => {
  const blamed = (body: string): boolean =>
    lintSync(`Hello,\n\nWe are sorry: our email of 3 March was wrong.\n\n${body}\n\nRegards,\nThe Kiln team`, {
      format: 'text',
      rules: {'evasive-wording': 'warn'},
    }).diagnostics.some((d) => d.ruleId === 'evasive-wording' && d.messageId === 'blame')

  it('reads "we cancelled it after our partner withdrew the loans" as owned, "it was delayed after our courier lost it" as blame', () => {
    expect(blamed('We cancelled the exhibition after our lending partner withdrew the loans.')).toBe(false)
    expect(blamed('Your order was delayed after our courier lost the parcel.')).toBe(true)
    expect(blamed('We are sorry. The site went down after our hosting provider changed a setting.')).toBe(true)
  })
})

describe('action steps (missing-action-steps)', () => {
  const missing = (body: string, language: 'en' | 'pl' = 'en'): boolean =>
    fired(`Hello,\n\n${body}\n\nRegards,\nThe Kiln team`, ['missing-action-steps'], language).includes('missing-action-steps')

  it('counts modal advice, offline steps and "no need to take any action"', () => {
    expect(missing('Our booking page showed the wrong times yesterday. You should double-check the time on your ticket before you travel.')).toBe(false)
    expect(missing('Someone read card numbers from our shop. We recommend that you contact your card issuer and ask for a new card.')).toBe(false)
    expect(missing('Your address was visible to another customer. There is no need for you to take any other action.')).toBe(false)
    expect(missing('We reset your password. You will be asked to choose a new one when you next sign in.')).toBe(false)
  })

  it('does not take general advice for a step that needs a link', () => {
    const result = lintSync('Hello,\n\nSpammers copied our mailing list. Only click links from senders you know.\n\nRegards,\nThe Kiln team', {format: 'text'})
    expect(result.diagnostics.filter((d) => d.ruleId === 'missing-action-steps')).toEqual([])
  })

  it('reports an apology that tells the reader nothing, and ignores the unsubscribe link in the footer', () => {
    const source = [
      'Hello,',
      '',
      'Yesterday we sent you a newsletter meant for our wholesale partners. We are very sorry about that.',
      '',
      'Regards,',
      'The Kiln team',
      '',
      'You receive this email because you subscribed at kiln.example. Unsubscribe: https://kiln.example/unsubscribe',
    ].join('\n')
    expect(fired(source, ['missing-action-steps'])).toEqual(['missing-action-steps'])
  })

  it('stays silent when the reader is advised in words the lexicon does not list', () => {
    expect(
      missing(
        'Yesterday we sent you a newsletter meant for our wholesale partners. You may find the catalogue useful anyway, at https://kiln.example/catalogue.',
      ),
    ).toBe(false)
  })

  it('reads a command followed by a web address, email address or phone number as a step', async () => {
    // compromise takes "Call" and "Visit" for nouns before a number or an address.
    expect(missing('Someone copied our customer list. Call 1-877-890-9332 and quote reference K7QH.')).toBe(false)
    const {findActionSteps} = await import('../rules/missing-action-steps/detect.js')
    const stepsIn = (body: string): string[] => {
      let steps: string[] = []
      const probe = probeRule('steps-probe', (context) => {
        steps = findActionSteps(context as never, context.document.blocks).map((s) => s.span.block.text.slice(s.span.start, s.span.end))
      })
      lintSync(`Hello,\n\n${body}\n\nRegards,\nThe Kiln team`, {format: 'text', plugins: [probe], rules: {'steps-probe': 'warn'}, throwOnRuleError: true})
      return steps
    }
    expect(stepsIn('Our booking page showed the wrong times. Visit https://kiln.example/bookings to see your new time.')).toEqual(['Visit'])
    expect(stepsIn('Someone copied our customer list. Call +44 20 7946 0958 to speak to our team.')).toEqual(['Call'])
    expect(stepsIn('Someone copied our customer list. Contact privacy@kiln.example with any questions.')).toEqual(['Contact'])
    // Not a command: the word opens no clause.
    expect(stepsIn('Our visit https://kiln.example/open-day was cancelled.')).toEqual([])
  })

  it('reports a step that points at a link or button the email does not have, whatever the other steps', () => {
    const noMeans = (body: string, language: 'en' | 'pl' = 'en'): string[] =>
      lintSync(`<html><body>${body}</body></html>`, {format: 'html', language, rules: {'missing-action-steps': 'warn'}})
        .diagnostics.filter((d) => d.messageId === 'noMeans')
        .map((d) => d.actual ?? '')
    const en = (button: string): string =>
      [
        '<p>We are sorry: the renewal letter we sent on Monday showed the Flex Plus price for your Flex membership.</p>',
        '<p>What you need to do</p>',
        '<p>To stay on Flex at £34.99, please re-confirm your membership tier using the link below before Friday.</p>',
        '<p>If you have questions, reply to this email.</p>',
        '<p>We have checked every other letter in that batch.</p>',
        '<p>Thank you for your patience.</p>',
        button,
      ].join('')
    expect(noMeans(en(''))).toEqual(['please re-confirm'])
    // The link is there, further down than the step's own window: silent.
    expect(noMeans(en('<p><a href="https://ironleaf.co.uk/confirm?m=1">Re-confirm my tier</a></p>'))).toEqual([])
    const pl = [
      '<p>Przepraszamy: w poniedziałkowym mailu podaliśmy złą godzinę zbiórki.</p>',
      '<p>Prosimy o potwierdzenie nowej godziny – wystarczy kliknąć przycisk poniżej.</p>',
      '<p>Jeśli ma Pani pytania, wystarczy odpowiedzieć na tę wiadomość.</p>',
    ].join('')
    expect(noMeans(pl, 'pl')).toEqual(['wystarczy kliknąć'])
    // A step that points nowhere in particular is left to the usual rule.
    expect(noMeans(en('').replace('using the link below', 'in the member area'))).toEqual([])
  })

  it('counts Polish advice to act offline', () => {
    expect(missing('Wczoraj ktoś odczytał numery kart z naszego sklepu. Zalecamy kontakt z bankiem i zastrzeżenie karty.', 'pl')).toBe(false)
  })
})

describe('the lede (buried-lede)', () => {
  it('takes a plain opening that announces the incident as the lede', () => {
    const source = [
      'Dear customer,',
      '',
      'We are writing about a security incident that affected your account at Fernway.',
      '',
      'On 3 June someone used a leaked staff password to read the names and email addresses of 1,200 customers. We locked the account within the hour and told the regulator.',
      '',
      'We are sorry this happened.',
    ].join('\n')
    expect(fired(source, ['buried-lede'])).toEqual([])
  })

  it('still reports an apology that comes after a block of news', () => {
    const source = [
      'Hi Tom,',
      '',
      'Spring is here and our new garden range has arrived in every store, with planters, seed trays and tools for every kind of garden, from a balcony to an allotment. Our staff have picked their favourites for you to try this season, and there is a talk on composting in the Leeds store on Saturday.',
      '',
      'Our summer opening hours start on 1 May, and the cafe in the Bristol store now opens at 8am on weekdays.',
      '',
      'We are sorry that the voucher in our last email did not work at the till.',
    ].join('\n')
    expect(fired(source, ['buried-lede'])).toEqual(['buried-lede'])
  })

  it('skips a Polish "view online" line and a formal greeting above the apology', () => {
    const html = `<html><body><p>Nie widzisz grafik? <a href="https://news.lampa.example/v/1">Otwórz wersję online</a></p>
<h1>Przepraszamy za przerwany seans</h1><p>Pani Anno,</p><p>w sobotę przerwaliśmy seans po 40 minutach, bo przegrzał się projektor.</p></body></html>`
    expect(lintSync(html, {format: 'html', language: 'pl', rules: {'buried-lede': 'warn'}}).diagnostics.filter((d) => d.ruleId === 'buried-lede')).toEqual([])
    const text = [
      'Pana lot odbędzie się zgodnie z planem',
      '',
      'Panie Krzysztofie,',
      '',
      'przepraszamy: wczorajsza wiadomość o odwołaniu lotu była błędna.',
    ].join('\n')
    expect(fired(text, ['buried-lede'], 'pl')).toEqual([])
  })
})

describe('breach notices: mixed evidence of a missing part (data-breach-notice)', () => {
  const messages = (text: string): string[] =>
    lintSync(text, {format: 'text', incident: {kind: 'data-breach'}})
      .diagnostics.filter((d) => d.ruleId === 'data-breach-notice')
      .map((d) => d.messageId ?? '')

  const base = [
    'Dear member,',
    '',
    'On 9 April 2025 an attacker broke into our booking server and copied personal data of our members.',
    '',
    'What information was involved',
    'The copied table held what you gave us when you joined the climbing wall.',
    '',
    'We locked the administrator account the same day and reported the incident to the regulator.',
    '',
    'Questions? Call us on 0161 496 0000.',
  ]

  it('stays silent on "data" when a data section names nothing the lists know, but reports a missing step', () => {
    const found = messages(base.join('\n'))
    expect(found).not.toContain('data')
    expect(found).toContain('steps')
    // Without the section, nothing says which data: strong evidence, reported.
    expect(messages(base.filter((line) => line !== 'What information was involved').join('\n'))).toContain('data')
  })

  it('does not take an invitation to reply for a step that protects the reader', () => {
    const replyOnly = [...base.slice(0, 8), 'If you have any questions, reply to this email.']
    expect(messages(replyOnly.join('\n'))).toContain('steps')
    const withStep = [...base.slice(0, 8), 'Please change your password for the booking site.', '', 'If you have any questions, reply to this email.']
    expect(messages(withStep.join('\n'))).not.toContain('steps')
  })

  it('reports a Polish notice that only invites a reply, and reads "powinniśmy" as the sender’s duty, not advice', () => {
    const pl = (extra: string): string[] =>
      lintSync(
        [
          'Dzień dobry,',
          '',
          'przepraszamy. W czwartek 3 kwietnia wysłaliśmy zaproszenie na spotkanie z adresami wszystkich uczestników w polu „DW”, więc każdy odbiorca widział imiona, nazwiska i adresy e-mail pozostałych osób.',
          '',
          'Tego samego dnia zgłosiliśmy zdarzenie naszemu inspektorowi ochrony danych, a wysyłki do grup robimy już tylko z systemu do newsletterów.',
          '',
          `Nie zadbaliśmy o Pani dane tak, jak powinniśmy.${extra}`,
          '',
          'Jeśli ma Pani pytania, proszę odpowiedzieć na tę wiadomość albo napisać do inspektora: iod@kwadrat.pl.',
        ].join('\n'),
        {format: 'text', language: 'pl', incident: {kind: 'data-breach'}},
      )
        .diagnostics.filter((d) => d.ruleId === 'data-breach-notice')
        .map((d) => d.messageId ?? '')
    expect(pl('')).toContain('steps')
    // Advice the lists do not know, addressed to the reader: mixed evidence, no finding.
    expect(pl(' Powinna Pani zachować ostrożność wobec wiadomości od nieznanych nadawców.')).not.toContain('steps')
  })

  it('does not take a negated action for what the sender did about the breach', () => {
    const notice = (doing: string): string[] =>
      lintSync(
        [
          'Dzień dobry,',
          '',
          'przepraszamy. W sobotę 8 listopada o 20:15 wysłaliśmy arkusz z wynikami zawodów do niewłaściwej grupy rodziców: zawierał imiona i nazwiska dzieci oraz adresy e-mail rodziców.',
          '',
          `Arkusz przygotowaliśmy z formularza zapisów i nie usunęliśmy z niego kolumny z adresami.${doing}`,
          '',
          'Nie musisz nic robić. Pytania kieruj do naszej inspektor ochrony danych: rodo@delfin-klub.pl, tel. 601 284 339.',
        ].join('\n'),
        {format: 'text', language: 'pl', incident: {kind: 'data-breach'}},
      )
        .diagnostics.filter((d) => d.ruleId === 'data-breach-notice')
        .map((d) => d.messageId ?? '')
    expect(notice('')).toContain('doing')
    expect(notice(' W niedzielę poprosiliśmy wszystkich odbiorców o usunięcie wiadomości.')).not.toContain('doing')
  })

  it('reads "a security incident that involves your account" as a breach, and asks which data', () => {
    const notice = (opening: string): string[] =>
      lintSync(
        [
          'Hi Rhys,',
          '',
          opening,
          '',
          'On 3 March an engineer made a backup of our user database readable by anyone with its web address. We locked it down on 17 March and reported the incident to the ICO on 18 March.',
          '',
          'Please set a new password in the app. Questions? Call our data protection officer on 0121 496 0275.',
        ].join('\n'),
        {format: 'text', rules: {'data-breach-notice': 'warn'}},
      )
        .diagnostics.filter((d) => d.ruleId === 'data-breach-notice')
        .map((d) => d.messageId ?? '')
    expect(notice('We are writing to tell you about a security incident that involves your Pulsewell account.')).toEqual(['data'])
    // Said not to be one, or not the reader's: no breach notice.
    expect(notice('This was not a security incident involving your account.')).toEqual([])
    expect(notice('We are writing about a scheduled maintenance window.')).toEqual([])
  })

  it('stays silent on "steps" when the notice offers a page to go to', () => {
    const withPage = [...base.slice(0, 8), 'Our help page explains the rest: https://wall.example/help', '', ...base.slice(8)]
    expect(messages(withPage.join('\n'))).not.toContain('steps')
  })
})

describe('a data heading that addresses the reader (data-breach-notice)', () => {
  it('reads "Jakie Pani dane znalazły się w pliku" as the data section', () => {
    const notice = (heading: string): string =>
      [
        '# Naruszenie ochrony danych: Pani wyniki wysłaliśmy innemu klientowi',
        '',
        'Szanowna Pani,',
        '',
        'przepraszamy. 14 marca nasza recepcja omyłkowo dołączyła plik z Pani danymi do wiadomości wysłanej do innego klienta.',
        '',
        `## ${heading}`,
        '',
        '- imię i nazwisko,',
        '- adres zamieszkania,',
        '- numer telefonu.',
        '',
        '## Co zrobiliśmy',
        '',
        'Zadzwoniliśmy do tej osoby, która usunęła wiadomość. Zgłosiliśmy naruszenie Prezesowi UODO.',
        '',
        '## Co może Pani zrobić',
        '',
        'Prosimy zachować ostrożność wobec nieoczekiwanych telefonów i SMS-ów.',
        '',
        'Inspektor ochrony danych: Marek Zieliński, iod@czterylapy.example, tel. 42 630 18 77.',
      ].join('\n')
    const missing = (heading: string): string[] =>
      lintSync(notice(heading), {format: 'markdown', language: 'pl', rules: {'data-breach-notice': 'warn'}})
        .diagnostics.filter((d) => d.ruleId === 'data-breach-notice')
        .map((d) => d.messageId ?? '')
    expect(missing('Jakie Pani dane znalazły się w pliku')).toEqual([])
    expect(missing('Szczegóły')).toEqual(['data'])
  })
})

describe('routine handling of data is not an exposure (data-breach-notice)', () => {
  const breach = (sentence: string, language: 'en' | 'pl' = 'en'): boolean => {
    const text =
      language === 'en'
        ? `Hi Sam,\n\nWe are sorry: the invoice email of 3 March showed the wrong total. Your card was charged the right amount.\n\n${sentence}\n\nReply to this email with any questions.\n\nThe Ledgerly team`
        : `Dzień dobry,\n\nprzepraszamy: w e-mailu z 3 marca podaliśmy błędną kwotę faktury. Z karty pobraliśmy prawidłową kwotę.\n\n${sentence}\n\nOdpowiedz na tę wiadomość, jeśli masz pytania.\n\nZespół Ledgerly`
    return fired(text, ['data-breach-notice'], language).includes('data-breach-notice')
  }

  it('does not read a present-tense description of handling as a breach', () => {
    expect(breach('The new audit log shows exactly how customer data is accessed and by whom.')).toBe(false)
    expect(breach('Your personal data is only shared with the payment processor that handles your card.')).toBe(false)
    expect(breach('Customer records are stored, backed up and accessed only in the EU.')).toBe(false)
    expect(breach('Twoje dane osobowe są udostępniane wyłącznie firmie kurierskiej.', 'pl')).toBe(false)
    expect(breach('Udostępniamy Twoje dane osobowe tylko operatorowi płatności.', 'pl')).toBe(false)
    // A web page's address is not a person's: copying the wrong one is no exposure.
    expect(breach('Skopiowałam adres z okna edycji formularza zamiast linku do ankiety.', 'pl')).toBe(false)
    expect(breach('I copied the web address of the edit page instead of the survey link.')).toBe(false)
  })

  it('still reads past, perfect and progressive exposures as a breach', () => {
    expect(breach('Customer data was accessed by an unauthorised person on 2 March.')).toBe(true)
    expect(breach('Your personal data has been shared with another customer by mistake.')).toBe(true)
    expect(breach('Your personal data is being accessed by someone outside the company.')).toBe(true)
    // A routine clause does not hide an event elsewhere in the sentence.
    expect(breach('An attacker accessed customer data, which is shared with our couriers.')).toBe(true)
    expect(breach('Dane osobowe klientów zostały udostępnione osobie nieuprawnionej.', 'pl')).toBe(true)
    expect(breach('Udostępniliśmy Twoje dane osobowe innemu klientowi przez pomyłkę.', 'pl')).toBe(true)
    expect(breach('Osoba nieuprawniona skopiowała adresy i numery telefonów klientów.', 'pl')).toBe(true)
  })
})

describe("a file attached by mistake with other people's data (data-breach-notice)", () => {
  const breach = (sentence: string, language: 'en' | 'pl' = 'en'): boolean => {
    const text =
      language === 'en'
        ? `Hi Sam,\n\nWe are sorry for yesterday's email.\n\n${sentence}\n\nThe Ledgerly team`
        : `Dzień dobry,\n\nprzepraszamy za wczorajszą wiadomość.\n\n${sentence}\n\nZespół Ledgerly`
    return fired(text, ['data-breach-notice'], language).includes('data-breach-notice')
  }

  it("reads a misdirected attachment that held other people's data as a breach", () => {
    expect(breach("By mistake, the reminder we sent to 300 patients had a file attached that listed every patient's name and phone number.")).toBe(true)
    expect(breach("We accidentally attached a spreadsheet of other members' names and email addresses to yesterday's newsletter.")).toBe(true)
    expect(breach("By mistake, we attached another customer's invoice, with their name and postal address, to your order confirmation.")).toBe(true)
    expect(breach('Przez pomyłkę do wczorajszego przypomnienia dołączyliśmy arkusz z imionami, nazwiskami i numerami telefonów innych pacjentów.', 'pl')).toBe(
      true,
    )
    expect(breach('Do wiadomości wysłanej do 120 klientów omyłkowo załączyliśmy plik z adresami e-mail wszystkich uczestników.', 'pl')).toBe(true)
  })

  it("counts documents that carry the reader's details (invoice, payslip, statement) as personal data", () => {
    expect(breach('Your invoice was sent to another customer by mistake.')).toBe(true)
    expect(breach('Pani faktura trafiła do innego klienta.', 'pl')).toBe(true)
    expect(breach('Yesterday we sent you an invoice that belonged to another customer.')).toBe(false)
    expect(breach('We sent your invoice twice.')).toBe(false)
  })

  it('needs the mistake, the file, other people and data in the file', () => {
    // The reader's own document sent again: no one else saw anything.
    expect(breach("By mistake, we attached last month's invoice instead of this one; it shows your billing address and the old total.")).toBe(false)
    expect(breach('Przez pomyłkę załączyliśmy fakturę za zeszły miesiąc – widnieje na niej Twój adres i stara kwota.', 'pl')).toBe(false)
    // No mistake: an ordinary attachment.
    expect(breach('The attached spreadsheet lists the new opening hours for all patients.')).toBe(false)
    // A wrong file that holds no personal data, even sent to many.
    expect(breach('We mistakenly attached the old price list to the email we sent to all customers.')).toBe(false)
    expect(breach("By mistake, yesterday's appointment reminder to 300 patients had the wrong clinic's leaflet attached.")).toBe(false)
    expect(breach('Przez pomyłkę do przypomnienia o wizycie wysłanego do pacjentów dołączyliśmy nieaktualny cennik.', 'pl')).toBe(false)
    // A file that was not sent.
    expect(breach('By mistake we did not attach the file with your appointment time that other patients received.')).toBe(false)
  })
})

describe('a stock harm phrase inside a regret or hedged-harm formula (vague-wording)', () => {
  const rules = (html: string): string[] =>
    lintSync(html, {format: 'html', rules: {'vague-wording': 'warn', 'evasive-wording': 'warn'}})
      .diagnostics.filter((d) => d.ruleId === 'vague-wording' || d.ruleId === 'evasive-wording')
      .map((d) => `${d.ruleId}:${html.slice(d.range.start.offset, d.range.end.offset)}`)

  it('leaves the formula to evasive-wording', () => {
    expect(rules('<p>We regret any inconvenience this may have caused.</p>')).toEqual(['evasive-wording:We regret', 'evasive-wording:this may have caused'])
    expect(rules('<p>We apologise for any confusion this might have caused.</p>').filter((r) => r.startsWith('vague'))).toEqual([])
    expect(rules('<p>Ubolewamy z powodu wszelkich niedogodności.</p>').filter((r) => r.startsWith('vague'))).toEqual([])
    expect(rules('<p>Przepraszamy za wszelkie niedogodności, które mogły z tego wyniknąć.</p>').filter((r) => r.startsWith('vague'))).toEqual([])
  })

  it('still reports the plain stock phrase', () => {
    expect(rules('<p>We apologise for any inconvenience.</p>')).toEqual(['vague-wording:any inconvenience'])
    expect(rules('<p>We apologise for any inconvenience caused.</p>')).toEqual(['vague-wording:any inconvenience'])
    expect(rules('<p>Przepraszamy za wszelkie niedogodności.</p>')).toEqual(['vague-wording:wszelkie niedogodności'])
  })
})

describe('a passive in the subject line (evasive-wording)', () => {
  const evasive = (subject: string, body: string): string[] =>
    lintSync(body, {format: 'text', subject, rules: {'evasive-wording': 'warn'}})
      .diagnostics.filter((d) => d.ruleId === 'evasive-wording')
      .map((d) => d.location ?? 'body')

  it('is a headline when the body says what we did', () => {
    expect(
      evasive(
        'Sorry: you were sent our sponsorship email by mistake',
        'Hi,\n\nThis morning we emailed you our sponsorship packages for 2025. That email was meant for advertisers, not for listeners, and you can delete it.\n\nRuth',
      ),
    ).toEqual([])
  })

  it('is still evasive when nobody in the email did anything', () => {
    expect(
      evasive('Mistakes were made with your order', 'Hi Sam,\n\nYour order arrived late. A credit has been added to your account.\n\nThe Lamp team'),
    ).toEqual(['subject'])
  })
})

describe("blame on outside causes by the sender's name, and harm doubted after the apology (evasive-wording)", () => {
  const evasive = (sentence: string, language: 'en' | 'pl' = 'en'): boolean => fired(sentence, ['evasive-wording'], language).includes('evasive-wording')

  it('reports them in both languages', () => {
    expect(evasive('Sytuacja wynikała z przyczyn niezależnych od Lampy.', 'pl')).toBe(true)
    expect(evasive('Przepraszamy za wszelkie niedogodności, jeśli takie wystąpiły.', 'pl')).toBe(true)
    expect(evasive('The outage was beyond the control of Lamp Ltd.')).toBe(true)
    expect(evasive("We're sorry for any delays, if there were any.")).toBe(true)
    // A carrier as the cause, and responsibility declined in the first person.
    expect(evasive('Z przyczyn leżących wyłącznie po stronie przewoźnika lot został anulowany.', 'pl')).toBe(true)
    expect(evasive('Nie mieliśmy wpływu na tę decyzję.', 'pl')).toBe(true)
    expect(evasive('We had no control over this decision.')).toBe(true)
    expect(evasive('The trip was cancelled because of the airline’s crew shortage.')).toBe(true)
  })

  it('leaves reassurance and owned causes alone', () => {
    expect(evasive('Awaria nie miała wpływu na Twoje dane.', 'pl')).toBe(false)
    expect(evasive('You are not responsible for the extra charge.')).toBe(false)
    expect(evasive('Przewoźnik odwołał lot, a my przez dwa dni nie poinformowaliśmy o tym Państwa – to nasz błąd.', 'pl')).toBe(false)
  })

  it('leaves a condition on the reader alone', () => {
    expect(evasive('Jeśli takie wystąpiły, prosimy o kontakt.', 'pl')).toBe(false)
    expect(evasive('Please reply if there was any problem with your order.')).toBe(false)
  })
})

describe('previews that carry the remedy or the reassurance (buried-lede)', () => {
  const flagged = (preheader: string, language: 'en' | 'pl'): boolean => {
    const body =
      language === 'en'
        ? '<p>We are sorry: Monday’s email gave the wrong price for the Aria lamp. It costs £149, not £49.</p>'
        : '<p>Przepraszamy: w poniedziałkowym e-mailu podaliśmy złą cenę lampy Aria. Kosztuje 149 zł, a nie 49 zł.</p>'
    const html = `<html><body><span style="display:none">${preheader}</span>${body}</body></html>`
    return lintSync(html, {format: 'html', language, rules: {'buried-lede': 'warn'}}).diagnostics.some((d) => d.messageId === 'preheader')
  }

  it('accepts a preview that says the reader need do nothing, or that the difference comes back', () => {
    expect(flagged('You don’t need to do anything: orders at £49 will be honoured', 'en')).toBe(false)
    expect(flagged('Nie musisz nic robić: zamówienia po 49 zł zrealizujemy', 'pl')).toBe(false)
    expect(flagged('Kto kupił po pełnej cenie, dostanie zwrot różnicy', 'pl')).toBe(false)
    expect(flagged('Druga płatność wróci na Pana kartę automatycznie', 'pl')).toBe(false)
    expect(flagged('Ten sam webinar, ta sama godzina – tylko link jest nowy', 'pl')).toBe(false)
    expect(flagged('Monday’s invite pointed to March. Use this link for Thursday 11 April', 'en')).toBe(false)
    expect(flagged('Pociąg IR 5612 w sobotę nie jest odwołany, a Pana bilet jest nadal ważny', 'pl')).toBe(false)
    expect(flagged('Your flight on Saturday is not cancelled: your booking is still valid', 'en')).toBe(false)
    expect(flagged('Twoja faktura za październik jest opłacona. SMS z 5 listopada możesz zignorować', 'pl')).toBe(false)
    expect(flagged('Your October bill is paid: you can ignore the text we sent on 5 November', 'en')).toBe(false)
    expect(flagged('Your basket is saved, delivery is free when you rebook, and there is £10 credit on your account', 'en')).toBe(false)
    expect(flagged('Yesterday’s newsletter said “Hi [First Name]” and one section was placeholder text', 'en')).toBe(false)
  })

  it('accepts a preview that tells the reader which copy to disregard, or names a duplicate or a non-event', () => {
    expect(flagged('Your card was charged once. Please keep receipt 1877 and disregard the second copy', 'en')).toBe(false)
    expect(flagged('Wysłaliśmy Ci dwa e-maile z potwierdzeniem tej samej wpłaty', 'pl')).toBe(false)
    expect(flagged('W nocy wysłaliśmy Ci powiadomienia o polubieniach, których nie było', 'pl')).toBe(false)
    expect(flagged('Two new candles for autumn, from £12', 'en')).toBe(true)
    // The money on its way or already back, a value set too high, a document sent to someone else.
    expect(flagged('Zwrot 49 zł trafi na Twoją kartę do piątku', 'pl')).toBe(false)
    expect(flagged('100 zł jest już w Twoim portfelu w aplikacji', 'pl')).toBe(false)
    expect(flagged('Your £100 refund will reach your card by Friday', 'en')).toBe(false)
    expect(flagged('Rachunek za marzec był zawyżony o 40 zł', 'pl')).toBe(false)
    expect(flagged('3 marca wysłaliśmy Pani umowę innej osobie', 'pl')).toBe(false)
    expect(flagged('Jesienne nowości: lampy od 99 zł', 'pl')).toBe(true)
    // An exposure, and the plan of a notice.
    expect(flagged('A spreadsheet with your details was open to anyone with the link for two days', 'en')).toBe(false)
    expect(flagged('Arkusz z Twoimi danymi był dostępny dla każdego, kto miał link', 'pl')).toBe(false)
    expect(flagged('What happened on 4 March, what we have done and who to call', 'en')).toBe(false)
    expect(flagged('Co się stało 4 marca, co zrobiliśmy i do kogo dzwonić', 'pl')).toBe(false)
    // A preview about the same thing as the apology, in its own words; one shared word is not enough.
    expect(flagged('The Aria lamp at £149: your questions answered', 'en')).toBe(false)
    expect(flagged('Lampa Aria za 149 zł: odpowiadamy na pytania', 'pl')).toBe(false)
    expect(flagged('Lamp week: 20% off every floor lamp', 'en')).toBe(true)
    // A call-off, a fee taken back, data open through a link.
    expect(flagged('Państwa wyjazd 14–21 czerwca nie odbędzie się. Zwrot wpłat otrzymają Państwo do 30 maja', 'pl')).toBe(false)
    expect(flagged('Your trip on 14 June will not take place. Your full refund is on its way', 'en')).toBe(false)
    expect(flagged('Opłaty za nieobecność z 8 marca anulowaliśmy', 'pl')).toBe(false)
    expect(flagged('We have waived the late fee on your account', 'en')).toBe(false)
    expect(flagged('We have held a new slot for you on Thursday between 8 and 12', 'en')).toBe(false)
    expect(flagged('Arkusz z Twoimi danymi był dostępny przez link przez trzy dni', 'pl')).toBe(false)
    // What we said was not so.
    expect(flagged('Last night we told you your order was cancelled. It hadn’t been: it ships today', 'en')).toBe(false)
    expect(flagged('Wczoraj napisaliśmy, że zamówienie anulowano. To nieprawda – wyślemy je dziś', 'pl')).toBe(false)
  })

  it('accepts a preview that names a double charge or an outage, or says the money is back', () => {
    expect(flagged('Your second card payment of £64.20 will be back in your account by Friday', 'en')).toBe(false)
    expect(flagged('We took your March rent twice and we have credited it today', 'en')).toBe(false)
    expect(flagged('The booking site was down from 10:05 to 12:30. Everything is working again', 'en')).toBe(false)
    expect(flagged('Płatność pobraliśmy dwukrotnie – pieniądze już oddaliśmy', 'pl')).toBe(false)
    expect(flagged('Awaria sieci w piątek: dziś wszystko znów działa', 'pl')).toBe(false)
    // Marketing that happens to mention money or a working product is still marketing.
    expect(flagged('Our spring range is back in stock and working harder than ever', 'en')).toBe(true)
    expect(flagged('Nowa kolekcja działa cuda na wiosnę', 'pl')).toBe(true)
  })

  it('still flags a preview that is only marketing', () => {
    expect(flagged('New spring lamps have landed, from £39', 'en')).toBe(true)
    expect(flagged('Nowe lampy na wiosnę już w sklepie', 'pl')).toBe(true)
  })
})

describe('links and names of an ESP-sent template (unbranded-layout)', () => {
  const messages = (links: string, from: string): string[] => {
    const html = `<html><body><img src="https://cdn.example/logo.png" alt="Thistle Wool logo" width="160" height="40">
<p>Thistle Wool</p><p>We are sorry: the code in Friday's email had the wrong end date. It works now. ${links}</p>
<p>Thistle Wool Ltd, 12 Loom Lane, Galashiels TD1 3AB. <a href="https://thistlewool.example/unsubscribe">Unsubscribe</a></p></body></html>`
    return lintSync(html, {format: 'html', from, rules: {'unbranded-layout': 'warn'}})
      .diagnostics.filter((d) => d.ruleId === 'unbranded-layout')
      .map((d) => d.messageId ?? '')
  }
  const sender = '"Eilidh Ross, Thistle Wool" <eilidh@thistlewool.example>'

  it('accepts the brand’s own ESP account host and the ESP’s web version link', () => {
    expect(messages('<a href="https://thistlewool.us19.list-manage.com/track/click?u=1">Shop the kits</a>', sender)).toEqual([])
    expect(messages('<a href="https://us19.campaign-archive.com/?u=1">View this email in your browser</a>', sender)).toEqual([])
  })

  it('accepts the brand’s own page on a platform, named after it', () => {
    expect(messages('<a href="https://thistlewool.etsy.com/listing/1">Our shop on Etsy</a>', sender)).toEqual([])
    expect(messages('<a href="https://cheapyarn.etsy.com/listing/1">Our shop on Etsy</a>', sender)).toEqual(['linkDomain'])
  })

  it('accepts a common email service’s click-tracking domain unless told to report it', () => {
    expect(messages('<a href="https://u4821937.ct.sendgrid.net/ls/click?upn=1">Shop the kits</a>', sender)).toEqual([])
    expect(messages('<a href="https://trk.klclick.com/ls/click?upn=1">Shop the kits</a>', sender)).toEqual([])
    // A look-alike is not the service's domain.
    expect(messages('<a href="https://sendgrid.net.evil.example/click">Shop the kits</a>', sender)).toEqual(['linkDomain'])
    const strict = lintSync(
      `<html><body><img src="https://cdn.example/logo.png" alt="Thistle Wool logo" width="160" height="40"><p>Thistle Wool</p>
<p>We are sorry: the code in Friday's email had the wrong end date. <a href="https://u1.ct.sendgrid.net/ls/click?upn=1">Shop the kits</a></p>
<p>Thistle Wool Ltd, 12 Loom Lane, Galashiels TD1 3AB.</p></body></html>`,
      {format: 'html', from: sender, rules: {'unbranded-layout': ['warn', {espTracking: 'report'}]}},
    ).diagnostics.map((d) => d.messageId)
    expect(strict).toContain('linkDomain')
  })

  it('accepts the ESP-hosted unsubscribe and preferences pages and the ESP’s badge', () => {
    expect(messages('<a href="https://manage.kmail-lists.com/subscriptions/manage?a=1">Manage preferences</a>', sender)).toEqual([])
    expect(
      messages(
        '<a href="https://www.getresponse.pl/?utm_campaign=gr_badge"><img src="https://multimedia.getresponse.com/badges/getresponse-badge-pl.png" alt="GetResponse" width="120" height="24"></a>',
        sender,
      ),
    ).toEqual([])
  })

  it('asks list mail for an unsubscribe link, not a notice to one customer, and reads ESP merge tags as one', () => {
    const found = (footer: string, body = 'Your March statement showed a fee we did not charge. Your balance is correct.', options = {}): string[] =>
      lintSync(
        `<html><body><img src="https://thistlewool.example/logo.png" alt="Thistle Wool logo" width="160" height="40">
<p>Thistle Wool</p><p>Dear Ms Ross,</p><p>We are sorry: ${body}</p>
<p>Thistle Wool Ltd, 12 Loom Lane, Galashiels TD1 3AB.</p>${footer}</body></html>`,
        {format: 'html', from: 'Thistle Wool <help@thistlewool.example>', rules: {'unbranded-layout': ['warn', options]}},
      )
        .diagnostics.filter((d) => d.ruleId === 'unbranded-layout')
        .map((d) => d.messageId ?? '')
    // A notice about one customer's account: no mailing list, no unsubscribe needed.
    expect(found('')).toEqual([])
    expect(found('', undefined, {unsubscribe: 'always'})).toEqual(['unsubscribe'])
    // A newsletter, a promotion or a Polish subscription line is list mail.
    expect(found('<p>You are receiving this newsletter because you signed up at thistlewool.example.</p>')).toEqual(['unsubscribe'])
    expect(found('<p>Otrzymujesz tę wiadomość, bo zapisałaś się na newsletter Thistle Wool.</p>')).toEqual(['unsubscribe'])
    expect(found('', 'the code in Friday’s email had the wrong end date. <a href="https://thistlewool.example/shop">Shop now</a>')).toEqual(['unsubscribe'])
    // The ESP fills in the link at send time.
    expect(found("<p>You are receiving this newsletter because you signed up. {% unsubscribe 'Unsubscribe' %}</p>")).toEqual([])
    expect(found('<p>You are receiving this newsletter because you signed up. <a href="%%unsub_center_url%%">Opt out</a></p>')).toEqual([])
    expect(found('<p>Otrzymujesz newsletter Thistle Wool. [[unsubscribe]]</p>')).toEqual([])
  })

  it('takes an email that calls itself a service message at its word, unless a header or a promotion says otherwise', () => {
    const found = (footer: string, extra = ''): string[] =>
      lintSync(
        `<html><body><p><a href="https://view.thistlewool.example/m/1">View this email in your browser</a></p>
<img src="https://thistlewool.example/logo.png" alt="Thistle Wool logo" width="160" height="40">
<p>Thistle Wool</p><p>Dear Ms Ross,</p><p>We are sorry: your order TW-4411 was sent to an old address. We have sent a new parcel today.</p>${extra}
<p>Thistle Wool Ltd, 12 Loom Lane, Galashiels TD1 3AB.</p>${footer}</body></html>`,
        {format: 'html', from: 'Thistle Wool <help@thistlewool.example>'},
      )
        .diagnostics.filter((d) => d.ruleId === 'unbranded-layout')
        .map((d) => d.messageId ?? '')
    // A "View in browser" link alone is no sign of list mail: email services add it to service notices too.
    expect(found('')).toEqual([])
    expect(found('<p>This is a service email about your order. We send these even if you have unsubscribed from marketing.</p>')).toEqual([])
    expect(found('<p>To jest wiadomość serwisowa dotycząca Twojego zamówienia.</p>')).toEqual([])
    // A list cue denied.
    expect(found('<p>This email is about your order, not a newsletter.</p>')).toEqual([])
    expect(found('<p>To wiadomość dotycząca Twojego zamówienia, a nie newsletter.</p>')).toEqual([])
    // A newsletter footer that only mentions service messages is still list mail.
    expect(found('<p>You signed up for our newsletter. You will still get service emails about your orders.</p>')).toEqual(['unsubscribe'])
    expect(found('<p>Zapisałaś się na newsletter. Wiadomości serwisowe o zamówieniach będziemy wysyłać nadal.</p>')).toEqual(['unsubscribe'])
    // A promotion makes it list mail whatever it calls itself.
    expect(
      found(
        '<p>This is a service email about your order.</p>',
        '<p>Our winter yarns are here: 20% off with code WARM20. <a href="https://thistlewool.example/shop">Shop now</a></p>',
      ),
    ).toEqual(['unsubscribe'])
  })

  it('takes the From name without its department as the brand ("Thistle Wool Bookings")', () => {
    expect(messages('', '"Thistle Wool Bookings" <bookings@tw-yarns.example>')).not.toContain('brandName')
    expect(messages('', '"Thistle Wool Rewards" <rewards@tw-yarns.example>')).not.toContain('brandName')
  })

  it('accepts a parcel carrier’s tracking page', () => {
    expect(messages('<a href="https://www.royalmail.com/track-your-item#/details/AB123">Track your parcel</a>', sender)).toEqual([])
    expect(messages('<a href="https://inpost.pl/sledzenie-przesylek?number=123">Śledź paczkę</a>', sender)).toEqual([])
  })

  it('accepts the credit bureaus and monitoring services a breach notice links to', () => {
    expect(messages('<a href="https://www.experianidworks.com/credit">Enrol in IdentityWorks</a>', sender)).toEqual([])
    expect(messages('<a href="https://www.bik.pl/alerty">Alerty BIK</a>', sender)).toEqual([])
  })

  it('still reports another account’s host, and an ESP host behind ordinary link text', () => {
    expect(messages('<a href="https://cheapyarn.us19.list-manage.com/track/click?u=1">Shop the kits</a>', sender)).toEqual(['linkDomain'])
    expect(messages('<a href="https://us19.campaign-archive.com/?u=1">Shop the kits</a>', sender)).toEqual(['linkDomain'])
  })

  it('reads a person’s address on a domain the email names as the company’s own, not an ESP’s', () => {
    const html = (signature: string) =>
      `<html><body><p>Hi James,</p><p>I am sorry: your order is late because we put the wrong label on a pallet.</p><p>${signature}</p></body></html>`
    const found = (signature: string, from: string): string[] =>
      lintSync(html(signature), {format: 'html', from, rules: {'unbranded-layout': 'warn'}})
        .diagnostics.filter((d) => d.ruleId === 'unbranded-layout')
        .map((d) => d.messageId ?? '')
    expect(found('Hannah Ortiz, Customer Care Lead, Larkspur Home', 'Hannah Ortiz <hannah.ortiz@larkspurhome.example>')).not.toContain('fromUnrelated')
    // The brand's name in the local part of a domain the email never names is still an ESP's address.
    expect(found('The Ridgeway Running team', 'Ridgeway Running <ridgewayrunning@sendblast.example>')).toContain('fromUnrelated')
  })

  it('takes either part of a "person, company" sender as the brand name', () => {
    // The domain does not spell the name here: only the company part of the sender can match "Thistle Wool" at the top.
    expect(messages('', '"Eilidh Ross, Thistle Wool" <eilidh@tw-yarns.example>')).not.toContain('brandName')
    expect(messages('', '"Eilidh Ross, Loom & Heather" <eilidh@loomheather.example>')).toContain('brandName')
  })
})

describe('subjects that name a defect (unclear-subject)', () => {
  const unclear = (subject: string, language: 'en' | 'pl'): boolean =>
    lintSync('We are sorry: the export stopped at 10,000 rows. It works again now.', {
      format: 'text',
      language,
      subject,
      rules: {'unclear-subject': 'warn'},
    }).diagnostics.some((d) => d.ruleId === 'unclear-subject')

  it('accepts "incomplete", "truncated", "unavailable" and their Polish forms as the topic', () => {
    expect(unclear('April news and incomplete CSV exports from 2–4 April', 'en')).toBe(false)
    expect(unclear('Your truncated export from Friday', 'en')).toBe(false)
    expect(unclear('Niekompletne eksporty CSV z 2–4 kwietnia', 'pl')).toBe(false)
    expect(unclear('April news from Tallyboard', 'en')).toBe(true)
  })

  it('accepts data that was visible as the topic', () => {
    expect(unclear("Your family's contact details were visible in a shared lesson timetable", 'en')).toBe(false)
    expect(unclear('Pani adres e-mail był widoczny dla innych uczestników', 'pl')).toBe(false)
    expect(unclear('Your summer timetable', 'en')).toBe(true)
  })

  it('accepts a late delivery as the topic', () => {
    expect(unclear('Your May payslip was 2 days late - your pay was not', 'en')).toBe(false)
    expect(unclear('Paczka spóźni się o dwa dni', 'pl')).toBe(false)
    expect(unclear('Your May payslip is here', 'en')).toBe(true)
  })

  it('accepts a missed service, an overcharge and access without permission as the topic', () => {
    expect(unclear('Missed bin collections on 2 and 3 May: we will come back on Saturday', 'en')).toBe(false)
    expect(unclear('You were overcharged for March: £14.20 is on its way back', 'en')).toBe(false)
    expect(unclear('Someone accessed your Tallyboard account details without permission', 'en')).toBe(false)
    expect(unclear('Pominięty odbiór odpadów 2 maja – przyjedziemy w sobotę', 'pl')).toBe(false)
    expect(unclear('Zawyżona kwota za marzec – zwrócimy 14,20 zł', 'pl')).toBe(false)
    expect(unclear('Ktoś uzyskał dostęp do konta bez zgody', 'pl')).toBe(false)
    expect(unclear('Accounts locked on 11 April – all unlocked now', 'en')).toBe(false)
    expect(unclear('Zablokowane konta 11 kwietnia – konta już odblokowane', 'pl')).toBe(false)
    expect(unclear('Your booking details were shown to another guest on 11 August', 'en')).toBe(false)
    expect(unclear('Pani dane zostały pokazane innemu użytkownikowi', 'pl')).toBe(false)
    expect(unclear('Your bin collection calendar for May', 'en')).toBe(true)
    expect(unclear('Harmonogram odbioru odpadów na maj', 'pl')).toBe(true)
  })
})

describe('a counterfactual is not advice to the reader (missing-action-steps)', () => {
  it('reports a Polish notice whose only "powinna" is about what should not have happened', () => {
    const text = (sentence: string): string =>
      [
        'Dzień dobry,',
        '',
        'przepraszamy: od 3 do 6 marca lista zaległości w opłatach była widoczna w ogłoszeniu na naszej stronie.',
        '',
        sentence,
        '',
        'Zarząd Spółdzielni',
      ].join('\n')
    expect(fired(text('Ta informacja nie powinna była trafić do nikogo innego.'), ['missing-action-steps'], 'pl')).toEqual(['missing-action-steps'])
    // A third-person "powinny" about the sender's process is not addressed to the reader either.
    expect(fired(text('Takie wiadomości powinny wychodzić wyłącznie przez system newslettera.'), ['missing-action-steps'], 'pl')).toEqual([
      'missing-action-steps',
    ])
    // Advice to the reader in the same words is mixed evidence: no finding.
    expect(fired(text('Pani powinna zachować ostrożność wobec telefonów w sprawie zaległości.'), ['missing-action-steps'], 'pl')).toEqual([])
  })
})

describe('declaratives with a link (missing-action-steps)', () => {
  const found = (text: string, language: 'en' | 'pl'): string[] =>
    lintSync(text, {format: 'text', language})
      .diagnostics.filter((d) => d.ruleId === 'missing-action-steps')
      .map((d) => d.messageId ?? '')

  it('counts a formal Polish declarative with a link as the step', () => {
    const text =
      'Dzień dobry,\n\nw czwartkowym newsletterze podaliśmy błędną godzinę koncertu. Przepraszamy.\n\nAktualny program znajdą Państwo pod adresem https://filharmonia-kalisz.example/program\n\nZ poważaniem\nFilharmonia Kaliska'
    expect(found(text, 'pl')).toEqual([])
  })

  it('does not take the same declarative without a link for a step', () => {
    const text =
      'Dzień dobry,\n\nw czwartkowym newsletterze podaliśmy błędną godzinę koncertu. Przepraszamy.\n\nAktualny program znajdą Państwo w kasie filharmonii.\n\nZ poważaniem\nFilharmonia Kaliska'
    expect(found(text, 'pl')).toEqual(['missing'])
  })

  it('counts an English "is available at" with a link', () => {
    const text =
      "Hello,\n\nThe timetable in Friday's email listed the wrong start times. We are sorry.\n\nThe corrected timetable is available at https://rowing.example/timetable\n\nThe Rowing Club"
    expect(found(text, 'en')).toEqual([])
  })
})

describe('a reference line above the correction is no content (buried-lede)', () => {
  const buried = (top: string): boolean =>
    lintSync(
      `<html><body><table><tr><td>${top}</td></tr><tr><td>Important correction to your pickup details. Please read this before you travel.</td></tr></table>
<h1>Your car is at the Car Rental Centre on Almond Road, not Terminal Desk 4</h1><p>Dear Tomasz,</p>
<p>The reminder we emailed you on Tuesday told you to collect your car from Desk 4, which closed in May. Your car is waiting at the Car Rental Centre, a five-minute shuttle ride away, and the shuttle is free.</p>
<p>We are sorry for the confusion.</p></body></html>`,
      {format: 'html', rules: {'buried-lede': 'warn'}},
    ).diagnostics.some((d) => d.ruleId === 'buried-lede')
  it('skips "Booking KCH-EDI-448217" and "Order #48213", not a heading that ends in a year', () => {
    expect(buried('Booking KCH-EDI-448217')).toBe(false)
    expect(buried('Order #48213')).toBe(false)
    expect(buried('Zamówienie nr 12345')).toBe(false)
    expect(buried('Our Spring Sale 2025 has started: twenty per cent off every hire car this weekend only')).toBe(true)
  })
})

describe('a delay against a promise is a statement of what went wrong (shared errors)', () => {
  it('reads "later than we promised" and "później, niż obiecaliśmy" as the error, and other comparisons not', () => {
    expect(fired('Hello,\n\nYour parcel will leave three days later than we promised. We are sorry.', ['missing-explanation'])).toEqual([])
    expect(fired('Dzień dobry,\n\nTwoją paczkę wyślemy o 3 dni później, niż obiecaliśmy. Przepraszamy.', ['missing-explanation'], 'pl')).toEqual([])
    expect(fired('Hello,\n\nOur shop opens later than usual on Sundays. We are sorry.', ['missing-explanation'])).toEqual(['missing-explanation'])
  })
})

describe('Polish wrong actions (missing-explanation)', () => {
  it('counts a first-person action limited in the wrong way as the explanation', () => {
    const text = (body: string): string[] =>
      lintSync(`Dzień dobry,\n\nprzepraszamy. ${body}\n\nZespół Sklepu Kret`, {format: 'text', language: 'pl'})
        .diagnostics.filter((d) => d.ruleId === 'missing-explanation')
        .map((d) => d.ruleId)
    expect(text('W poniedziałkowym newsletterze ustawiliśmy kod rabatowy tylko dla nowych klientów.')).toEqual([])
    expect(text('W poniedziałek wysłaliśmy do Państwa nasz newsletter.')).toEqual(['missing-explanation'])
  })
})

describe('function words settle a statement without compromise (shared errors)', () => {
  it('gives the answer compromise gives, on every English sentence of every fixture', async () => {
    const {readdirSync, readFileSync} = await import('node:fs')
    const {lint} = await import('../src/index.js')
    const {judgeStatement} = await import('../rules/shared/errors.js')
    let judged = 0
    let stated = 0
    const probe = probeRule('statement-probe', (context) => {
      if (context.language !== 'en') return
      const shared = context as never
      for (const sentence of context.sentences) {
        const quick = judgeStatement(shared, sentence, {shortcut: true})
        expect(quick, sentence.text).toBe(judgeStatement(shared, sentence, {shortcut: false}))
        judged++
        if (quick) stated++
      }
    })
    for (const dir of readdirSync('fixtures', {withFileTypes: true})) {
      if (!dir.isDirectory()) continue
      for (const file of readdirSync(`fixtures/${dir.name}`)) {
        if (!/\.(html?|txt|md|eml)$/.test(file)) continue
        const source = readFileSync(`fixtures/${dir.name}/${file}`, 'utf8')
        await lint(source, {filename: file, plugins: [probe], rules: {'statement-probe': 'warn'}, throwOnRuleError: true})
      }
    }
    // Every function word alone where a cue looks for its object, before and after it.
    const {errorLexicons} = await import('../rules/shared/errors.js')
    const frames = [
      (w: string) => `A correction to ${w}.`,
      (w: string) => `We sent the wrong ${w}.`,
      (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)} was wrong.`,
      (w: string) => `Sorry, ${w} was not.`,
      (w: string) => `The error was ${w}.`,
      (w: string) => `We got ${w} wrong.`,
      (w: string) => `A correction to ${w} email`,
      (w: string) => `Sorry about the link in ${w} newsletter.`,
      (w: string) => `The sale ends ${w}, not Sunday.`,
    ]
    // Function words, and dates alone or after "last", "next" and "this".
    const {dateUnits, dateWords, functionWords} = errorLexicons.en
    const words = [...functionWords, ...dateWords, ...['last', 'next', 'this'].flatMap((r) => dateUnits.map((u) => `${r} ${u}`))]
    // One email a word: a document past compromise's budget would settle every sentence without it.
    for (const w of words) {
      const paragraph = `<p>${frames.map((frame) => frame(w)).join(' ')}</p>`
      await lint(`<html lang="en"><body>${paragraph}</body></html>`, {
        filename: 'frames.html',
        plugins: [probe],
        rules: {'statement-probe': 'warn'},
        throwOnRuleError: true,
      })
    }
    expect(judged).toBeGreaterThan(1000 + words.length * frames.length)
    expect(stated).toBeGreaterThan(100)
  })

  it('skips compromise where only function words could be the object, and asks it otherwise', async () => {
    const {Analysis} = await import('../src/engine.js')
    const asked: string[] = []
    const original = Analysis.prototype.nlp
    Analysis.prototype.nlp = function (this: InstanceType<typeof Analysis>, sentence) {
      asked.push(sentence.text)
      return original.call(this, sentence)
    }
    try {
      const only = {rules: {'missing-explanation': 'error'}} as const
      // "You were not.": only a pronoun and a verb could be what went wrong.
      lintSync('<p>We are sorry: your statement said you were overdrawn. You were not. Your balance is fine.</p>', {format: 'html', config: only})
      expect(asked).not.toContain('You were not.')
      // "The bank was not.": compromise decides whether "bank" is a thing.
      lintSync('<p>We are sorry: your statement said you were overdrawn. The bank was not. Your balance is fine.</p>', {format: 'html', config: only})
      expect(asked).toContain('The bank was not.')
    } finally {
      Analysis.prototype.nlp = original
    }
  })
})
