/**
 * The playground: paste a draft (or drop an .eml), see it rendered as its
 * recipients would see it with every finding highlighted, and the findings
 * with why and how to fix, the checklist and score, the language. Runs the
 * core in the page: no server, no network (the page's policy refuses
 * connections, and the preview is the HTML report's, neutralised and
 * sandboxed). Built by scripts/build-browser.ts into dist/playground/ as
 * classic scripts, so it works opened from disk.
 */
import {incidentKinds, type Incident} from '../config.js'
import {lint, ready, type LintOptions} from '../core.js'
import {builtinRules} from '../../rules/index.js'
import {formatHtml} from '../format/html.js'
import type {Format} from '../document.js'

type Ui = 'en' | 'pl'

const TEXT: Record<Ui, Record<string, string>> = {
  en: {
    title: 'apology-lint playground',
    ui: 'Interface',
    hint: 'Paste your apology draft (HTML, plain text or Markdown) or drop an .eml file. Everything runs in this page: nothing is sent anywhere.',
    format: 'Format',
    auto: 'detect',
    text: 'plain text',
    from: 'From',
    subject: 'Subject',
    brand: 'Brand name',
    kind: 'What went wrong',
    unknown: '(not said)',
    recipients: 'Recipients',
    affected: 'Affected',
    loading: 'Loading the language model…',
    empty: 'Paste a draft to check it.',
    result: '{errors} errors, {warnings} warnings, {infos} notes · language {language} · zones: {zones}',
    failed: 'Could not check this draft: {message}',
    dropped: 'Read {name}.',
  },
  pl: {
    title: 'apology-lint: wypróbuj',
    ui: 'Język interfejsu',
    hint: 'Wklej szkic przeprosin (HTML, zwykły tekst lub Markdown) albo upuść plik .eml. Wszystko dzieje się na tej stronie: nic nie jest nigdzie wysyłane.',
    format: 'Format',
    auto: 'wykryj',
    text: 'zwykły tekst',
    from: 'Nadawca',
    subject: 'Temat',
    brand: 'Nazwa marki',
    kind: 'Co poszło nie tak',
    unknown: '(nie podano)',
    recipients: 'Odbiorcy',
    affected: 'Dotknięci błędem',
    loading: 'Wczytywanie modelu językowego…',
    empty: 'Wklej szkic, aby go sprawdzić.',
    result: 'błędy: {errors}, ostrzeżenia: {warnings}, uwagi: {infos} · język {language} · strefy: {zones}',
    failed: 'Nie udało się sprawdzić szkicu: {message}',
    dropped: 'Wczytano {name}.',
  },
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T
const draft = $<HTMLTextAreaElement>('draft')
const format = $<HTMLSelectElement>('format')
const from = $<HTMLInputElement>('from')
const subject = $<HTMLInputElement>('subject')
const brand = $<HTMLInputElement>('brand')
const kind = $<HTMLSelectElement>('kind')
const recipients = $<HTMLInputElement>('recipients')
const affected = $<HTMLInputElement>('affected')
const ui = $<HTMLSelectElement>('ui')
const status = $<HTMLParagraphElement>('status')
const report = $<HTMLIFrameElement>('report')

for (const k of incidentKinds) kind.append(new Option(k, k))

let lang: Ui = 'en'
const t = (key: string, values: Record<string, string | number> = {}): string =>
  (TEXT[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))

function translate(): void {
  document.documentElement.lang = lang
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) el.textContent = t(el.dataset.t!)
  draft.setAttribute('aria-label', t('hint'))
}

/** The draft and the settings, kept in the URL hash so that a link can be shared. */
interface State {
  d: string
  f: string
  from: string
  s: string
  b: string
  k: string
  r: string
  a: string
  ui: Ui
}

function readState(): State {
  return {d: draft.value, f: format.value, from: from.value, s: subject.value, b: brand.value, k: kind.value, r: recipients.value, a: affected.value, ui: lang}
}

function applyState(state: Partial<State>): void {
  draft.value = state.d ?? ''
  format.value = state.f ?? 'auto'
  from.value = state.from ?? ''
  subject.value = state.s ?? ''
  brand.value = state.b ?? ''
  kind.value = state.k ?? ''
  recipients.value = state.r ?? ''
  affected.value = state.a ?? ''
  lang = state.ui === 'pl' ? 'pl' : 'en'
  ui.value = lang
}

function loadHash(): void {
  const hash = location.hash.slice(1)
  if (!hash) return
  try {
    applyState(JSON.parse(decodeURIComponent(hash)) as Partial<State>)
  } catch {
    // A hand-edited or truncated link: start empty.
  }
}

function saveHash(): void {
  const state = readState()
  const compact = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== '' && v !== 'auto'))
  history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(compact))}`)
}

let run = 0

async function check(): Promise<void> {
  const mine = ++run
  saveHash()
  const source = draft.value
  if (source.trim() === '') {
    status.textContent = t('empty')
    report.srcdoc = ''
    return
  }
  const options: LintOptions = {}
  if (format.value !== 'auto') options.format = format.value as Format
  if (from.value.trim()) options.from = from.value.trim()
  if (subject.value.trim()) options.subject = subject.value.trim()
  if (brand.value.trim()) options.brand = {name: brand.value.trim()}
  const incident: Incident = {}
  if (kind.value) incident.kind = kind.value as Incident['kind']
  const audience: {recipients?: number; affected?: number} = {}
  if (recipients.value !== '') audience.recipients = Math.max(0, Math.trunc(Number(recipients.value)))
  if (affected.value !== '') audience.affected = Math.max(0, Math.trunc(Number(affected.value)))
  if (Object.keys(audience).length > 0) incident.audience = audience
  if (Object.keys(incident).length > 0) options.incident = incident
  try {
    const result = await lint(source, options)
    if (mine !== run) return
    // The zones in reading order, each once (an .eml lists its HTML part's).
    const zones = [...new Set((result.zones ?? []).filter((z) => z.part !== 'text').map((z) => z.kind))].join(', ') || '–'
    status.textContent = t('result', {errors: result.errorCount, warnings: result.warningCount, infos: result.infoCount, language: result.language, zones})
    // The HTML report's page, in a sandbox: the email inside it is neutralised and sandboxed again.
    report.srcdoc = formatHtml([result], builtinRules, {title: t('title')})
  } catch (error) {
    if (mine !== run) return
    status.textContent = t('failed', {message: error instanceof Error ? error.message : String(error)})
  }
}

let timer: ReturnType<typeof setTimeout> | undefined
function schedule(): void {
  clearTimeout(timer)
  timer = setTimeout(() => void check(), 300)
}

for (const el of [draft, from, subject, brand, recipients, affected]) el.addEventListener('input', schedule)
for (const el of [format, kind]) el.addEventListener('change', schedule)
ui.addEventListener('change', () => {
  lang = ui.value === 'pl' ? 'pl' : 'en'
  translate()
  void check()
})

// Dropping a file reads it as text (an .eml, or any draft); nothing leaves the page.
draft.addEventListener('dragover', (event) => {
  event.preventDefault()
  draft.classList.add('drop')
})
draft.addEventListener('dragleave', () => draft.classList.remove('drop'))
draft.addEventListener('drop', (event) => {
  event.preventDefault()
  draft.classList.remove('drop')
  const file = event.dataTransfer?.files[0]
  if (!file) return
  void file.text().then((text) => {
    draft.value = text
    if (/\.(eml|mime)$/i.test(file.name)) format.value = 'eml'
    status.textContent = t('dropped', {name: file.name})
    void check()
  })
})

loadHash()
translate()
status.textContent = t('loading')
// Load the NLP model at once, while the user reads or types; lint() waits for it.
void ready().then(() => check())
