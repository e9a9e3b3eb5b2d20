/**
 * Examples that fit the incident. A rule's messages suggest a sentence ("For
 * example: …"); the built-in one is about a wrong price, which is the wrong
 * advice for a breach notice or an outage. When `incident.kind` is configured,
 * the engine takes the example from these tables instead (see
 * `Rule.incidentExamples`). Kinds without an entry keep the rule's own example.
 */
import type {Language} from '../../src/document.js'
import type {IncidentKind} from '../../src/config.js'
import type {IncidentExamples} from '../../src/rule.js'

/** The few sentences every table is built from, for one incident kind. */
interface Sentences {
  /** An explicit apology that names the mistake. */
  apology: string
  /** One plain sentence that says what went wrong and what it affected. */
  explanation: string
  /** A subject line that names the correction. */
  subject: string
  /** An inbox preview that carries the apology. */
  preview: string
  /** A factual statement: what, who, when. */
  statement: string
}

type Kind = Exclude<IncidentKind, 'wrong-price' | 'suppression-list' | 'other'>

const en: Record<Kind, Sentences> = {
  'data-breach': {
    apology: "We're sorry: on 3 March someone used a stolen staff login to copy names and email addresses from our customer database.",
    explanation: 'On 3 March someone used a stolen staff login to copy the names and email addresses of 2,310 customers from our order system.',
    subject: 'Notice of Data Breach: names and email addresses copied on 3 March',
    preview: "We're sorry: on 3 March your name and email address were copied. Here is what to do.",
    statement: 'On 3 March between 01:10 and 03:55 someone copied the names and email addresses of 2,310 customers from our order system.',
  },
  'wrong-link': {
    apology: "We're sorry: the “Reset password” link in yesterday's email went to a page that does not exist.",
    explanation: "In yesterday's email the “Reset password” button linked to an old page that no longer exists.",
    subject: "Correction: broken reset link in yesterday's account email",
    preview: "Sorry – yesterday's reset link was broken. Here is the right one.",
    statement: 'The “Reset password” link in our 3 March email went to an old page for everyone who clicked it between 09:00 and 14:00.',
  },
  'duplicate-send': {
    apology: "We're sorry: our 3 March newsletter reached you twice.",
    explanation: 'Our email tool retried a send that had already gone out, so the 3 March newsletter arrived twice.',
    subject: 'Sorry: you got our 3 March newsletter twice',
    preview: "Sorry – the 3 March newsletter reached you twice. You don't need to do anything.",
    statement: 'Everyone on our list received the 3 March newsletter twice, about an hour apart.',
  },
  'wrong-recipients': {
    apology: "We're sorry: yesterday's reminder about the Thursday pottery class reached you by mistake.",
    explanation: 'Yesterday we sent the reminder for the Thursday pottery class to our whole list instead of the 18 people who booked it.',
    subject: "Correction: yesterday's class reminder was sent to you by mistake",
    preview: "Sorry – yesterday's reminder was not meant for you. You don't need to do anything.",
    statement: "Yesterday's reminder went to all 4,100 subscribers instead of the 18 people who booked the class.",
  },
  outage: {
    apology: "We're sorry: on 3 March our app was down from 09:00 to 11:30, and you could not sign in.",
    explanation: 'On 3 March from 09:00 to 11:30 our app was down, so nobody could sign in or place an order.',
    subject: 'Sorry: the app was down on 3 March from 09:00 to 11:30',
    preview: 'Sorry – the app was down this morning. It is working again.',
    statement: 'On 3 March from 09:00 to 11:30 our app was down, so nobody could sign in or place an order.',
  },
  'wrong-content': {
    apology: "We're sorry: yesterday's email gave the wrong Sunday opening hours for our Leeds shop.",
    explanation: "Yesterday's email gave the wrong Sunday opening time for our Leeds shop: it said 10:00, but we open at 11:00.",
    subject: "Correction: wrong Sunday opening hours in yesterday's email",
    preview: "Sorry – yesterday's email had the wrong opening hours. Here are the right ones.",
    statement: "Yesterday's email gave the wrong Sunday opening time for our Leeds shop: it said 10:00, but we open at 11:00.",
  },
}

const pl: Record<Kind, Sentences> = {
  'data-breach': {
    apology: 'Przepraszamy: 3 marca ktoś użył skradzionego loginu pracownika i skopiował imiona i adresy e-mail z naszej bazy klientów.',
    explanation: '3 marca ktoś użył skradzionego loginu pracownika i skopiował imiona i adresy e-mail 2310 klientów z naszego systemu zamówień.',
    subject: 'Zawiadomienie o naruszeniu ochrony danych: 3 marca skopiowano imiona i adresy e-mail',
    preview: 'Przepraszamy: 3 marca skopiowano Twoje imię i adres e-mail. Oto, co zrobić.',
    statement: '3 marca między 1:10 a 3:55 ktoś skopiował imiona i adresy e-mail 2310 klientów z naszego systemu zamówień.',
  },
  'wrong-link': {
    apology: 'Przepraszamy: link „Zmień hasło” we wczorajszej wiadomości prowadził do strony, która nie istnieje.',
    explanation: 'We wczorajszej wiadomości przycisk „Zmień hasło” miał błędny link: prowadził do starej strony, której już nie ma.',
    subject: 'Korekta: niedziałający link do zmiany hasła we wczorajszej wiadomości',
    preview: 'Przepraszamy – wczorajszy link nie działał. Oto właściwy.',
    statement: 'Link „Zmień hasło” w wiadomości z 3 marca prowadził do starej strony dla wszystkich, którzy kliknęli go między 9:00 a 14:00.',
  },
  'duplicate-send': {
    apology: 'Przepraszamy: nasz newsletter z 3 marca dotarł do Ciebie dwa razy.',
    explanation: 'Nasze narzędzie do wysyłki ponowiło wysyłkę, która już wyszła, więc newsletter z 3 marca przyszedł dwa razy.',
    subject: 'Przepraszamy: newsletter z 3 marca przyszedł do Ciebie dwa razy',
    preview: 'Przepraszamy – newsletter z 3 marca przyszedł dwa razy. Nie musisz nic robić.',
    statement: 'Wszyscy z naszej listy dostali newsletter z 3 marca dwa razy, w odstępie godziny.',
  },
  'wrong-recipients': {
    apology: 'Przepraszamy: wczorajsze przypomnienie o czwartkowych zajęciach ceramiki trafiło do Ciebie przez pomyłkę.',
    explanation: 'Wczoraj wysłaliśmy przypomnienie o czwartkowych zajęciach ceramiki do całej listy zamiast do 18 osób, które się na nie zapisały.',
    subject: 'Korekta: wczorajsze przypomnienie o zajęciach trafiło do Ciebie przez pomyłkę',
    preview: 'Przepraszamy – wczorajsze przypomnienie nie było do Ciebie. Nie musisz nic robić.',
    statement: 'Wczorajsze przypomnienie trafiło do wszystkich 4100 subskrybentów zamiast do 18 osób zapisanych na zajęcia.',
  },
  outage: {
    apology: 'Przepraszamy: 3 marca od 9:00 do 11:30 nasza aplikacja nie działała i nie można było się zalogować.',
    explanation: '3 marca od 9:00 do 11:30 nasza aplikacja nie działała, więc nikt nie mógł się zalogować ani złożyć zamówienia.',
    subject: 'Przepraszamy: aplikacja nie działała 3 marca od 9:00 do 11:30',
    preview: 'Przepraszamy – rano aplikacja nie działała. Już działa.',
    statement: '3 marca od 9:00 do 11:30 nasza aplikacja nie działała, więc nikt nie mógł się zalogować ani złożyć zamówienia.',
  },
  'wrong-content': {
    apology: 'Przepraszamy: we wczorajszej wiadomości podaliśmy złe niedzielne godziny otwarcia sklepu w Poznaniu.',
    explanation: 'We wczorajszej wiadomości podaliśmy błędną godzinę otwarcia sklepu w Poznaniu w niedziele: 10:00 zamiast 11:00.',
    subject: 'Korekta: złe godziny otwarcia w niedzielę we wczorajszej wiadomości',
    preview: 'Przepraszamy – wczoraj podaliśmy złe godziny otwarcia. Oto właściwe.',
    statement: 'We wczorajszej wiadomości podaliśmy błędną godzinę otwarcia sklepu w Poznaniu w niedziele: 10:00 zamiast 11:00.',
  },
}

/** Breach-specific sentences the other kinds do not need. */
const breach = {
  en: {
    blame: "Our staff login had no second factor, so the attacker got in; that is our responsibility, and we're sorry.",
    assurance: 'We now require a second factor for every staff login.',
    data: 'The attacker copied your name and email address; your password and card details were not in that database.',
  },
  pl: {
    blame: 'Login pracownika nie miał drugiego składnika, więc napastnik się dostał; to nasza odpowiedzialność i przepraszamy.',
    assurance: 'Od dziś każde logowanie pracownika wymaga drugiego składnika.',
    data: 'Napastnik skopiował Twoje imię i adres e-mail; hasła i danych karty nie było w tej bazie.',
  },
} satisfies Record<Language, Record<string, string>>

type Build = (s: Sentences, language: Language, kind: Kind) => string | Record<string, string>

function table(build: Build): Record<Language, IncidentExamples> {
  const out: Record<Language, IncidentExamples> = {en: {}, pl: {}}
  for (const [language, sentences] of [
    ['en', en],
    ['pl', pl],
  ] as const) {
    for (const kind of Object.keys(sentences) as Kind[]) out[language][kind] = build(sentences[kind], language, kind)
  }
  return out
}

/** Per-rule tables, by rule id. */
export const incidentExamples = {
  'buried-lede': table((s) => ({buried: s.apology, preheader: s.preview})),
  humour: table((s) => s.apology),
  'missing-apology': table((s) => s.apology),
  'missing-explanation': table((s) => s.explanation),
  'unclear-subject': table((s) => s.subject),
  // Passive and regret findings usually carry a rewrite of the reader's own sentence; keep it.
  'evasive-wording': table((s, language, kind) => ({
    conditional: s.apology,
    feelings: s.apology,
    minimiser: s.statement,
    extra: s.apology,
    ...(kind === 'data-breach' ? {blame: breach[language].blame, assurance: breach[language].assurance} : {}),
  })),
  'vague-wording': table((s, language, kind) => {
    const byMessage: Record<string, string> = {
      what: s.statement,
      who: s.statement,
      when: s.statement,
      hedge: s.statement,
      euphemism: s.apology,
      extra: s.statement,
    }
    if (kind === 'data-breach') byMessage.data = breach[language].data
    return byMessage
  }),
} satisfies Record<string, Record<Language, IncidentExamples>>
