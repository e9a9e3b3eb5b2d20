/**
 * unbranded-layout: an HTML apology should come in the brand's own template,
 * so that readers recognise it as genuine: a logo, the brand name at the top,
 * a footer that names the company, an unsubscribe link, links and a From
 * address on the brand's own domains.
 */
import {z} from 'zod'
import {documentZones, isWebVersionLink} from '../../src/zones.js'
import {defineRule} from '../../src/rule.js'
import type {Block, EmailDocument, Header, Image, Link} from '../../src/document.js'
import {normalizeWord, tokenize, type PhraseEntry, type Token} from '../../src/language.js'
import {findPlaceholders} from '../../src/parse/shared.js'
import type {RuleContext} from '../../src/rule.js'
import type {Brand} from '../../src/config.js'
import en from './en.js'
import pl from './pl.js'

/** This rule's data per language. Footers are often in another language than the body, so both are used. */
export interface UnbrandedLexicon {
  /** Company legal forms: "Ltd", "plc", "sp. z o.o." (tokenised: "sp z o o"). */
  legalForms: PhraseEntry[]
  /** Phrases of a legal line: "registered in", "company number", "KRS", "NIP". */
  legalLines: PhraseEntry[]
  /** Street words that, next to a number, make a postal address: "Street", "Road", "ul.". */
  streetWords: string[]
  /** Substrings of an unsubscribe or preferences link's text or address (lower case). */
  unsubscribeWords: string[]
  /** Substrings of a logo image's file name or alt text (lower case). */
  logoWords: string[]
  /**
   * Words that show the email goes to a mailing list ("you subscribed",
   * "newsletter", "zapisał* się"): only list mail needs an unsubscribe link by
   * default; a notice to one customer about their account does not.
   */
  listCues: PhraseEntry[]
  /**
   * Words with which an email calls itself a service message ("this is a
   * service email", "even if you have unsubscribed", "wiadomość serwisowa"):
   * they outweigh the list cues, not a List-Id header or a promotion.
   */
  serviceCues: PhraseEntry[]
}

/** The checks this rule makes; each can be switched off with `ignore`. */
const CHECKS = ['logo', 'brand-name', 'footer', 'unsubscribe', 'link-domain', 'from-domain'] as const
type Check = (typeof CHECKS)[number]

/**
 * Link domains that are never off-brand: social profiles, app stores, the
 * regulators a data-breach notice must point to, and the credit bureaus,
 * identity-monitoring services and national CERTs it sends readers to, and
 * parcel carriers' tracking pages.
 */
const ALWAYS_ALLOWED = [
  'experian.com',
  'experianidworks.com',
  'experian.co.uk',
  'equifax.com',
  'equifax.co.uk',
  'transunion.com',
  'transunion.co.uk',
  'annualcreditreport.com',
  'krollmonitoring.com',
  'idx.us',
  'identityforce.com',
  'police.uk',
  'haveibeenpwned.com',
  'cert.pl',
  'bik.pl',
  // Parcel carriers' tracking pages, which a delivery apology points to.
  'royalmail.com',
  'parcelforce.com',
  'evri.com',
  'dpd.co.uk',
  'dpd.com',
  'dpd.com.pl',
  'dhl.com',
  'dhl.de',
  'ups.com',
  'fedex.com',
  'usps.com',
  'gls-group.eu',
  'gls-pl.com',
  'inpost.pl',
  'inpost.co.uk',
  'poczta-polska.pl',
  'pocztex.pl',
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'pinterest.com',
  'threads.net',
  'apps.apple.com',
  'play.google.com',
  'gov',
  'gov.uk',
  'gov.pl',
  'europa.eu',
  'ico.org.uk',
]

/**
 * Click-tracking domains of the common email service providers (SendGrid,
 * Klaviyo, Mandrill, HubSpot, Constant Contact,
 * GetResponse, MailerLite, Brevo, SparkPost, Salesforce Marketing Cloud,
 * Amazon SES, Kit, FreshMail, SALESmanago). Nearly every email sent through
 * one has its links rewritten there; readers and filters see it on every
 * newsletter, so it is no sign of an unbranded email. The option
 * `espTracking: "report"` reports them like any other domain. Hosts that
 * carry the sender's account name (Mailchimp's, Campaign Monitor's) are not
 * here: they are the brand's only under its own name (ACCOUNT_TRACKING_DOMAINS).
 */
const ESP_TRACKING_DOMAINS = [
  'sendgrid.net',
  'klclick.com',
  'klclick1.com',
  'klclick2.com',
  'klclick3.com',
  'mandrillapp.com',
  'hubspotlinks.com',
  'rs6.net',
  'getresponse.com',
  'mlsend.com',
  'mailerlite.com',
  'sendibt2.com',
  'sendibt3.com',
  'sendibm1.com',
  'sparkpostmail.com',
  'exct.net',
  'exacttarget.com',
  'awstrack.me',
  'convertkit-mail.com',
  'convertkit-mail2.com',
  'freshmail.pl',
  'freshmail.io',
  'salesmanago.com',
  'salesmanago.pl',
]

/** Second-level public suffixes, so that `mail.acme.co.uk` is brand `acme`, not `co`. */
const SECOND_LEVEL = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.pl',
  'net.pl',
  'org.pl',
  'gov.pl',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'com.br',
  'co.za',
  'com.mx',
  'co.in',
])

/** Domain labels too generic to stand for a brand name. */
const GENERIC_LABELS = new Set([
  'mail',
  'email',
  'news',
  'info',
  'shop',
  'app',
  'web',
  'www',
  'online',
  'home',
  'example',
  'gmail',
  'outlook',
  'yahoo',
  'hotmail',
])

/** How many blocks at the top, and at the bottom, count as header and footer. */
const TOP_BLOCKS = 4
const FOOTER_BLOCKS = 6
/** Images this small are tracking pixels, not logos. */
const PIXEL = 2

/** Postal codes: Polish `00-893`, British `BS2 0QT`, US `NY 10001`. Bounded alternatives, no nesting: linear. */
const POSTCODE = /(?:^|[^\d-])\d{2}-\d{3}(?![\d-])|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b[A-Z]{2} \d{5}\b/

/** What the rule knows about the brand, from config or inferred from the From address. */
interface BrandInfo {
  /** The name to show in messages. */
  display: string
  /** Brand names as folded tokens ("Ogród Koniczyna" → ["ogrod", "koniczyna"]). */
  names: string[][]
  /** Registrable domain labels, folded and without hyphens ("juniper-health.example" → "juniperhealth"). */
  labels: string[]
  /** Domains the brand owns (lower case); empty when unknown. */
  domains: string[]
  /** True when the domains come from config; false when inferred from the From address. */
  configured: boolean
  /** True when the From address puts the sender name in the local part of an unrelated domain (an ESP's). */
  fromUnrelated: boolean
  logo?: string
}

export default defineRule({
  id: 'unbranded-layout',
  // Sender, layout or incident settings: no words of the email's language needed.
  structural: true,
  languages: {en, pl},
  docs: {
    summary:
      "Send the apology in the brand's own template: logo, brand name at the top, a footer that names the company, an unsubscribe link, and links and a From address on the brand's domains.",
    why: 'A familiar, branded template tells readers the message is genuine; a bare email about a mistake, with links to unknown domains, looks like phishing and draws spam complaints.',
    fix: 'Use the same template as the email you are correcting: logo and brand name at the top, company name with address or legal line and an unsubscribe link in the footer, links on your own domain (or your tracking domain, allowed in config), and a From address on your domain.',
  },
  options: z
    .object({
      plainText: z
        .enum(['info', 'off'])
        .default('info')
        .describe('Plain-text and Markdown input: "info" reports once that there is no branded template; "off" stays silent.'),
      allowDomains: z
        .array(z.string().min(1))
        .default([])
        .describe('Extra link domains to accept, with their subdomains: ESP click-tracking domains such as "click.esp.example".'),
      espTracking: z
        .enum(['allow', 'report'])
        .default('allow')
        .describe(
          'Links through a common email service\'s click-tracking domain (SendGrid, Klaviyo, Mandrill, HubSpot, GetResponse, MailerLite, Brevo, FreshMail…): "allow" accepts them, "report" reports them like any other domain.',
        ),
      ignore: z.array(z.enum(CHECKS)).default([]).describe('Checks to skip: "logo", "brand-name", "footer", "unsubscribe", "link-domain", "from-domain".'),
      unsubscribe: z
        .enum(['list-mail', 'always'])
        .default('list-mail')
        .describe(
          'When to require an unsubscribe link: "list-mail" only for an email that shows it goes to a mailing list (a List-Id or bulk Precedence header, a promotion, or words such as "newsletter" or "you subscribed", unless it calls itself a service message); "always" for every HTML email.',
        ),
    })
    .strict(),
  messages: {
    logo: "No logo image: add the brand's logo at the top.",
    brandName: 'The brand name `{brand}` is not visible near the top.',
    footer: 'The footer does not identify the sender.',
    unsubscribe: 'No unsubscribe or preferences link, and no List-Unsubscribe header.',
    linkDomain: "Link to `{host}` is not on the brand's domain ({domains}){more}.",
    fromDomain: "From address domain `{domain}` is not the brand's ({domains}).",
    fromUnrelated: "From address `{address}` puts the sender name in the local part of someone else's domain `{domain}`.",
    plainText: 'Plain text has no branded template.',
  },
  notes: {
    logo: 'A message without the brand\'s logo looks like phishing to readers who are already wary after a mistake. For example: `<img src="https://{domain}/logo.png" alt="{brand}">`.',
    brandName:
      'Readers decide in the first lines whether a message is genuine. Put the name in the header or first line, e.g. a header cell reading "{brand}" (or a logo with alt="{brand}").',
    footer:
      'Without a company name and a postal address or legal line the message looks anonymous and is easier to report as spam. For example: "{brand} Ltd, 1 High Street, Town AB1 2CD".',
    unsubscribe:
      'Readers who cannot opt out mark the message as spam instead. Add one to the footer, e.g. `<a href="https://{domain}/unsubscribe">Unsubscribe</a>`.',
    linkDomain:
      'Readers who hover over a link to an unknown domain suspect phishing. Link to {domain} directly, or add a tracking domain you own to `allowDomains`.',
    fromDomain: "Readers and spam filters trust mail that comes from the brand's own domain. Send from an address on it, e.g. `support@{brandDomain}`.",
    fromUnrelated: "Readers and spam filters trust mail from the brand's own domain. Send from an address on your domain, e.g. `support@<your-domain>`.",
    plainText:
      'Readers recognise a genuine message by its logo, footer and unsubscribe link. Send an HTML version in your usual template, or set the option plainText to "off" if a plain message is deliberate.',
  },
  create(context) {
    const {document, options} = context
    const skip = new Set<Check>(options.ignore)
    const primary = document.format === 'eml' ? document.parts[0]?.kind : document.format === 'html' ? 'html' : 'text'
    if (document.format === 'text' || document.format === 'markdown') {
      if (options.plainText === 'info') context.report({messageId: 'plainText', at: document.bodyStart, severity: 'info'})
      return
    }
    // A text-only message is a deliberate choice of the sender; only an HTML body has a template to judge.
    if (primary !== 'html') return

    const from = document.addresses.find((a) => a.header === 'from')
    const brand = resolveBrand(context.settings.brand, from?.name ?? '', from?.address ?? '', (label) => {
      const byLabel: BrandInfo = {display: '', names: [], labels: [label], domains: [], configured: false, fromUnrelated: false}
      return document.blocks.some((b) => b.prose && b.text.length > 0 && mentionsBrand(tokensOf(b), byLabel))
    })
    const visible = document.blocks.filter((b) => b.text.trim().length > 0 && b.kind !== 'subject' && b.kind !== 'preheader' && b.kind !== 'title')
    const domain = brand.domains[0] ?? '<your-domain>'
    const data = {brand: brand.display, domain}
    const last = visible[visible.length - 1]
    // Findings about what the footer lacks sit at the end of the footer zone (where the missing line
    // belongs), not on a word inside it such as "Unsubscribe"; without a footer, after the last visible text.
    const zones = documentZones(document)
    let footerEnd: Block | undefined
    for (const zone of zones.zones) {
      if (zone.kind !== 'footer') continue
      for (let i = zone.endBlock - 1; i >= zone.startBlock; i--) {
        const block = document.blocks[i]!
        if (block.text.trim().length > 0) {
          footerEnd = block
          break
        }
      }
    }
    const anchorBlock = footerEnd ?? last
    const footerAnchor: {at: number} = anchorBlock ? {at: anchorBlock.map.end(anchorBlock.text.length)} : {at: document.bodyStart}

    const lexicons = UNBRANDED_LEXICONS
    const mentions = (tokens: readonly Token[]): boolean => mentionsBrand(tokens, brand)

    if (!skip.has('logo') && !document.images.some((image) => isLogo(image, brand, lexicons))) {
      context.report({messageId: 'logo', data, at: document.bodyStart})
    }

    if (!skip.has('brand-name') && (brand.names.length > 0 || brand.labels.length > 0)) {
      const top = topBlocks(visible)
      const lastTop = top.length > 0 ? document.blocks.indexOf(top[top.length - 1]!) : -1
      const inText = top.some((b) => mentions(tokensOf(b)))
      const inLogo = document.images.some((image) => image.beforeBlock <= lastTop + 1 && mentions(tokenize(image.alt)))
      if (!inText && !inLogo) {
        const first = top[0]
        context.report({messageId: 'brandName', data, ...(first ? {at: first.map.start(0)} : {at: document.bodyStart})})
      }
    }

    // Without a sender or a configured brand the name is unknown: the logo's alt text ("Marlow Coffee Roasters")
    // names the company, and with no such text only the address is checked (the name cannot be told from other words).
    const unknown = brand.names.length === 0 && brand.labels.length === 0
    const logoNames = unknown ? logoAltNames(document.images, brand, lexicons) : []
    const namesSender = unknown
      ? logoNames.length === 0
        ? undefined
        : (tokens: readonly Token[]): boolean => mentionsBrand(tokens, {...brand, names: logoNames})
      : mentions
    if (!skip.has('footer') && !identifiesSender(context, footerBlocks(visible), namesSender)) {
      context.report({messageId: 'footer', data, ...footerAnchor})
    }

    if (
      !skip.has('unsubscribe') &&
      !document.headers.has('list-unsubscribe') &&
      !document.links.some((l) => isUnsubscribe(l, lexicons)) &&
      !hasUnsubscribeTag(document.blocks, lexicons) &&
      (options.unsubscribe === 'always' || isListMail(context as RuleContext<unknown, UnbrandedLexicon>, zones))
    ) {
      context.report({messageId: 'unsubscribe', data, ...footerAnchor})
    }

    if (!skip.has('link-domain') && brand.domains.length > 0) reportOffBrandLinks(context, document, brand, options.allowDomains, options.espTracking)

    if (!skip.has('from-domain') && from) reportFromDomain(context, document, brand, from.address, from.field)
  },
})

/** Reports the first link to each host that is neither the brand's nor allowed, with how many more go there. */
function reportOffBrandLinks(
  context: RuleContext<unknown, unknown>,
  document: EmailDocument,
  brand: BrandInfo,
  allowDomains: readonly string[],
  espTracking: 'allow' | 'report',
): void {
  const allowed = [...allowDomains.map(cleanDomain), ...ALWAYS_ALLOWED, ...(espTracking === 'allow' ? ESP_TRACKING_DOMAINS : [])]
  const byHost = new Map<string, Link[]>()
  for (const link of document.links) {
    const host = hostOf(link.href)
    if (!host || isBrandHost(host, brand) || allowed.some((d) => isWithin(host, d))) continue
    // The web version ("View in browser"), the unsubscribe and preferences pages and the service's own
    // badge ("Sent with …") are hosted by the sender's email service: readers expect them there.
    if (isWebVersionLink(link.text) || isUnsubscribe(link, UNBRANDED_LEXICONS) || isServiceBadge(link, document.images)) continue
    let list = byHost.get(host)
    if (!list) byHost.set(host, (list = []))
    list.push(link)
  }
  for (const [host, links] of byHost) {
    const link = links[0]!
    const more = links.length > 2 ? `, and ${links.length - 1} more links go there` : links.length === 2 ? ', and 1 more link goes there' : ''
    context.report({
      messageId: 'linkDomain',
      data: {host, domains: brand.domains.join(', '), domain: brand.domains[0]!, more},
      range: document.lines.range(link.sourceStart, link.sourceEnd),
    })
  }
}

/** Reports a From domain that is not the brand's, or an ESP domain carrying the brand's name in its local part. */
function reportFromDomain(context: RuleContext<unknown, unknown>, document: EmailDocument, brand: BrandInfo, address: string, field: Header | undefined): void {
  const at = address.lastIndexOf('@')
  if (at < 0) return
  const domain = address.slice(at + 1).toLowerCase()
  const where = locate(field, address)
  const place = where ? {range: document.lines.range(where[0], where[1])} : {at: 0}
  if (brand.configured) {
    if (!brand.domains.some((d) => isWithin(domain, d))) {
      context.report({messageId: 'fromDomain', data: {domain, domains: brand.domains.join(', '), brandDomain: brand.domains[0]!}, ...place})
    }
  } else if (brand.fromUnrelated) {
    context.report({messageId: 'fromUnrelated', data: {address, domain}, ...place})
  }
}

/** Both languages' lists: an email may mix them (a Polish shop on an English template). */
const UNBRANDED_LEXICONS: readonly UnbrandedLexicon[] = [en, pl]

/** Department words a From name may add to the brand ("Harbour & Pine Reservations", "Zespół Obsługi Klienta"). */
const DEPARTMENT_WORDS = new Set(
  'reservations bookings booking support team care customer customers service services billing accounts help hello news newsletter info updates notifications alerts security privacy rewards loyalty members membership rezerwacje rezerwacji obsługa obsługi klienta klientów zespół pomoc biuro powiadomienia bok'.split(
    ' ',
  ),
)

/** The display name without department words at its ends; undefined when nothing, or everything, was removed. */
function withoutDepartment(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => w.length > 0)
  let start = 0
  let end = words.length
  while (end > start && DEPARTMENT_WORDS.has(words[end - 1]!.toLowerCase())) end--
  while (start < end && DEPARTMENT_WORDS.has(words[start]!.toLowerCase())) start++
  if (start === 0 && end === words.length) return undefined
  return end > start ? words.slice(start, end).join(' ') : undefined
}

/** Words that join a person and a company in a From display name ("Jonas at Tallyboard", "Ola z Koniczyny"). */
const NAME_JOINERS = new Set(['at', 'from', 'via', 'z', 'od', '-'])

/** The parts of a From display name, split at commas, bars, dashes and joining words; one part when there is none. */
function displayNameParts(name: string): string[] {
  const parts: string[] = []
  let current: string[] = []
  const flush = (): void => {
    if (current.length > 0) parts.push(current.join(' '))
    current = []
  }
  for (const word of name.split(/\s+/)) {
    if (NAME_JOINERS.has(word.toLowerCase())) {
      flush()
      continue
    }
    // A comma, bar or dash inside or after a word ends a part: "Raman," or "Raman|Larch".
    let start = 0
    for (let i = 0; i < word.length; i++) {
      const c = word[i]
      if (c === ',' || c === '|' || c === '–' || c === '—') {
        if (i > start) current.push(word.slice(start, i))
        flush()
        start = i + 1
      }
    }
    if (start < word.length) current.push(word.slice(start))
  }
  flush()
  return parts
}

/** The brand from config, completed from the From address (domain, and its label as a name). */
function resolveBrand(configured: Brand | undefined, fromName: string, fromAddress: string, namedInBody: (label: string) => boolean = () => false): BrandInfo {
  const at = fromAddress.lastIndexOf('@')
  const fromDomain = at >= 0 ? fromAddress.slice(at + 1).toLowerCase() : ''
  const names: string[][] = []
  if (configured?.name) names.push(foldTokens(configured.name))
  else if (fromName) {
    names.push(foldTokens(fromName))
    // "Priya Raman, Larch & Lowe Opticians", "Jonas at Tallyboard": a person and the company; either part names the sender.
    const parts = displayNameParts(fromName)
    if (parts.length > 1) for (const part of parts) names.push(foldTokens(part))
    for (const part of parts) {
      const brandOnly = withoutDepartment(part)
      if (brandOnly) names.push(foldTokens(brandOnly))
    }
  }
  // A sender name in the local part of an unrelated domain (ridgewayrunning@sendblast.example) is an ESP's address, not the brand's.
  const sender = squash(fromName)
  const fromLabel = brandLabel(fromDomain)
  const fromUnrelated =
    at >= 0 &&
    sender.length >= 4 &&
    squash(fromAddress.slice(0, at)).includes(sender) &&
    fromLabel !== undefined &&
    !sender.includes(fromLabel) &&
    !fromLabel.includes(sender) &&
    // A person writing from the company's domain ("Hannah Ortiz <hannah.ortiz@larkspurhome.co.uk>",
    // signed "Larkspur Home"): the email itself names the domain's owner.
    !namedInBody(fromLabel)
  const isConfigured = (configured?.domains?.length ?? 0) > 0
  const domains = isConfigured ? configured!.domains!.map(cleanDomain) : fromDomain && !fromUnrelated ? [fromDomain] : []
  const labels: string[] = []
  for (const d of domains) {
    const label = brandLabel(d)
    if (label && !labels.includes(label)) labels.push(label)
  }
  const info: BrandInfo = {
    display: configured?.name ?? (fromName || labels[0] || 'your brand'),
    names: names.filter((n) => n.length > 0),
    labels,
    domains,
    configured: isConfigured,
    fromUnrelated,
  }
  if (configured?.logo) info.logo = configured.logo.toLowerCase()
  return info
}

/** True when a host belongs to the brand: one of its domains, or (domains not configured) a domain named after the brand. */
function isBrandHost(host: string, brand: BrandInfo): boolean {
  if (brand.domains.some((d) => isWithin(host, d))) return true
  // An ESP's click-tracking host under the brand's own account name: "kinolatarnia.us14.list-manage.com";
  // and the brand's own page on a platform, named after it: "autokarpinski.otomoto.pl", "lamp.myshopify.com".
  if (isAccountTrackingHost(host, brand) || isBrandPlatformHost(host, brand)) return true
  if (brand.configured) return false
  const label = brandLabel(host)
  if (!label) return false
  // "quayside.example" for "Quayside Parking": the label spells the first words of the name.
  return brand.names.some((name) => {
    let joined = ''
    for (const word of name) {
      joined += word
      if (joined === label) return true
      if (joined.length >= label.length) return false
    }
    return false
  })
}

/**
 * Click-tracking domains of email service providers that put the sender's
 * account name in the host's first label (Mailchimp's
 * `<account>.us14.list-manage.com`, Campaign Monitor's `<account>.createsend1.com`).
 */
const ACCOUNT_TRACKING_DOMAINS = ['list-manage.com', 'createsend1.com', 'cmail19.com', 'cmail20.com']

/** True for an ESP tracking host whose first label is the brand's domain label. */
function isAccountTrackingHost(host: string, brand: BrandInfo): boolean {
  const domain = ACCOUNT_TRACKING_DOMAINS.find((d) => host.endsWith(`.${d}`))
  if (!domain) return false
  const first = squash(host.slice(0, host.indexOf('.')))
  return first.length >= 3 && brand.labels.includes(first)
}

/** True for a host whose first label is the brand's domain label, on another registrable domain ("autokarpinski.otomoto.pl"). */
function isBrandPlatformHost(host: string, brand: BrandInfo): boolean {
  const labels = host.split('.')
  if (labels.length < 3) return false
  const first = squash(labels[0]!)
  return first.length >= 4 && brand.labels.includes(first)
}

/** True when the tokens name the brand: its name (inflection allowed) or its domain label, alone or spread over a few words. */
function mentionsBrand(tokens: readonly Token[], brand: BrandInfo): boolean {
  const folded = foldedWords(tokens)
  for (let i = 0; i < folded.length; i++) {
    for (const name of brand.names) {
      if (i + name.length > folded.length) continue
      let all = true
      for (let j = 0; j < name.length && all; j++) all = sameWord(folded[i + j]!, name[j]!)
      if (all) return true
    }
    for (const label of brand.labels) {
      let joined = ''
      for (let j = i; j < folded.length && j < i + 4 && joined.length < label.length; j++) {
        joined += folded[j]!
        if (joined === label || (j === i && sameWord(joined, label))) return true
      }
    }
  }
  return false
}

/** Two folded words are the same when equal, or when one is an inflected form of the other (Polish: "Ogrodu" ~ "Ogród"). */
function sameWord(word: string, base: string): boolean {
  if (word === base) return true
  if (base.length < 4) return false
  const stem = base.slice(0, Math.max(3, base.length - 2))
  return word.startsWith(stem) && word.length <= base.length + 4
}

/** A logo: not a tracking pixel, and its file name, alt text or link points at the brand. */
function isLogo(image: Image, brand: BrandInfo, lexicons: readonly UnbrandedLexicon[]): boolean {
  if ((image.width !== undefined && image.width <= PIXEL) || (image.height !== undefined && image.height <= PIXEL)) return false
  const src = image.src.toLowerCase()
  const alt = image.alt.toLowerCase()
  if (brand.logo && src.includes(brand.logo)) return true
  // The file name, a folder of the path ("…/mailing/logo/korona-bank-white.png") or the query says logo.
  const path = pathOf(src)
  if (lexicons.some((l) => l.logoWords.some((w) => path.includes(w) || alt.includes(w)))) return true
  if (alt && mentionsBrand(tokenize(image.alt), brand)) return true
  // A linked image that leads to the brand's home page is the header logo.
  if (image.href) {
    const host = hostOf(image.href)
    if (host && isBrandHost(host, brand) && isHomePath(image.href)) return true
  }
  return false
}

/** An image address after its scheme and host ("/mailing/logo/korona.png?v=2"); a `cid:` or `data:` address whole. */
function pathOf(src: string): string {
  const scheme = src.indexOf('//')
  if (scheme < 0) return src
  const start = src.indexOf('/', scheme + 2)
  return start < 0 ? '' : src.slice(start)
}

/** The first few visible blocks, with any header boilerplate right after them. */
function topBlocks(visible: readonly Block[]): Block[] {
  const top: Block[] = []
  for (const block of visible) {
    if (top.length >= TOP_BLOCKS && !block.boilerplate) break
    top.push(block)
  }
  return top
}

/** The last few visible blocks and every footer block. */
function footerBlocks(visible: readonly Block[]): Block[] {
  const from = Math.max(0, visible.length - FOOTER_BLOCKS)
  return visible.filter((b, i) => i >= from || b.kind === 'footer')
}

/** True when the footer names a company (the brand or a legal form) and gives an address or a legal line. */
/** The words of the alt text of the email's logos, without the word "logo" itself: the brand's name when nothing else gives it. */
function logoAltNames(images: readonly Image[], brand: BrandInfo, lexicons: readonly UnbrandedLexicon[]): string[][] {
  const generic = new Set(lexicons.flatMap((l) => l.logoWords))
  const names: string[][] = []
  for (const image of images) {
    if (!image.alt.trim() || !isLogo(image, brand, lexicons)) continue
    const words = foldTokens(image.alt).filter((w) => !generic.has(w))
    if (words.length > 0) names.push(words)
  }
  return names
}

/**
 * True when the footer names the company (its name or a legal form) and gives an address. With `mentions`
 * undefined the name cannot be known, and the address alone decides.
 */
function identifiesSender(
  context: RuleContext<unknown, unknown>,
  blocks: readonly Block[],
  mentions: ((tokens: readonly Token[]) => boolean) | undefined,
): boolean {
  const forms = context.matcher('footer:legal-forms', [...en.legalForms, ...pl.legalForms])
  const lines = context.matcher('footer:legal-lines', [...en.legalLines, ...pl.legalLines])
  const streets = new Set([...en.streetWords, ...pl.streetWords].filter((w) => !w.includes(' ')))
  let company = false
  let address = false
  for (const block of blocks) {
    const tokens = tokensOf(block)
    if (!company) company = mentions === undefined || mentions(tokens) || forms.test(tokens)
    if (!address) address = POSTCODE.test(block.text) || block.text.includes('©') || lines.test(tokens) || hasStreetAddress(tokens, streets)
    if (company && address) return true
  }
  return false
}

/** A street word with a number within three words of it ("22 Castle Street", "ul. Dobra 56", "Unit 3"). */
function hasStreetAddress(tokens: readonly Token[], streets: ReadonlySet<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!streets.has(tokens[i]!.norm)) continue
    for (let j = Math.max(0, i - 3); j <= Math.min(tokens.length - 1, i + 3); j++) {
      const c = tokens[j]!.text.charCodeAt(0)
      if (c >= 48 && c <= 57) return true
    }
  }
  return false
}

/**
 * An email service's unsubscribe or preferences merge tag in the text, which
 * the service turns into a link when it sends: `{% unsubscribe %}` (Klaviyo),
 * `{% manage_preferences %}`, `%%unsub_center_url%%` (SFMC), `[[unsubscribe]]`.
 */
function hasUnsubscribeTag(blocks: readonly Block[], lexicons: readonly UnbrandedLexicon[]): boolean {
  for (const block of blocks) {
    for (const [start, end] of findPlaceholders(block.text)) {
      const tag = block.text.slice(start, end).toLowerCase().replace(/_/g, ' ')
      if (lexicons.some((l) => l.unsubscribeWords.some((w) => tag.includes(w)))) return true
    }
  }
  return false
}

/** List-Id or a bulk Precedence header, a promotion, a web version, or words that name a mailing list. */
function isListMail(context: RuleContext<unknown, UnbrandedLexicon>, zones: ReturnType<typeof documentZones>): boolean {
  const {document} = context
  if (document.headers.has('list-id')) return true
  const precedence = document.headers.get('precedence')?.value.trim().toLowerCase()
  if (precedence === 'bulk' || precedence === 'list') return true
  if (zones.zones.some((z) => z.kind === 'promo')) return true
  // Both languages, as for the footer: a service line is often in the template's language, not the body's.
  const service = context.matcher('serviceCues', [...en.serviceCues, ...pl.serviceCues])
  if (document.blocks.some((b) => b.text.length > 0 && service.test(tokensOf(b)))) return false
  // A "View in browser" link says nothing: email services add it to every template, service notices included.
  const cues = context.matcher('listCues', context.lexicon.listCues)
  return document.blocks.some((b) => b.text.length > 0 && cues.test(tokensOf(b)))
}

/** An unsubscribe or preferences link, by its text or address, in either language. */
function isUnsubscribe(link: Link, lexicons: readonly UnbrandedLexicon[]): boolean {
  const href = link.href.toLowerCase()
  const text = link.text.toLowerCase()
  return lexicons.some((l) => l.unsubscribeWords.some((w) => href.includes(w) || text.includes(w)))
}

/** Image addresses of an email service's badge ("Sent with Mailchimp", "GetResponse" referral badges). */
const BADGE_IMAGE_WORDS = ['badge', 'monkey_rewards', 'monkey-rewards', 'powered-by', 'poweredby', 'sent-with']

/** Badge images by the address they link to, found once per document (a lookup per link keeps many links linear). */
const badgesByHref = new WeakMap<readonly Image[], Map<string, Image[]>>()

/** True for a link that is only an email service's badge image. */
function isServiceBadge(link: Link, images: readonly Image[]): boolean {
  let byHref = badgesByHref.get(images)
  if (!byHref) {
    byHref = new Map()
    for (const image of images) {
      if (!image.href || !BADGE_IMAGE_WORDS.some((w) => image.src.toLowerCase().includes(w))) continue
      const list = byHref.get(image.href)
      if (list) list.push(image)
      else byHref.set(image.href, [image])
    }
    badgesByHref.set(images, byHref)
  }
  const badges = byHref.get(link.href)
  if (!badges) return false
  const text = link.text.trim()
  return badges.some((image) => text === '' || text === image.alt.trim())
}

/** The host of an http(s) or protocol-relative link; undefined for mailto:, tel:, `#`, relative and templated links. */
function hostOf(href: string): string | undefined {
  const h = href.trim().toLowerCase()
  let rest: string
  if (h.startsWith('https://')) rest = h.slice(8)
  else if (h.startsWith('http://')) rest = h.slice(7)
  else if (h.startsWith('//')) rest = h.slice(2)
  else if (h.startsWith('www.')) rest = h
  else return undefined
  let end = rest.length
  for (const stop of ['/', '?', '#', ':']) {
    const i = rest.indexOf(stop)
    if (i >= 0 && i < end) end = i
  }
  const host = rest.slice(0, end)
  const at = host.lastIndexOf('@')
  const clean = at >= 0 ? host.slice(at + 1) : host
  // A placeholder host is filled in by the ESP: nothing to judge yet.
  if (!clean.includes('.') || /[{}%*|[\]$]/.test(clean)) return undefined
  return clean.endsWith('.') ? clean.slice(0, -1) : clean
}

/** True when the link's path is the site root ("/" or empty, any query). */
function isHomePath(href: string): boolean {
  const h = href
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:)?\/\//, '')
  const slash = h.indexOf('/')
  if (slash < 0) return true
  const path = h.slice(slash)
  return path === '/' || path.startsWith('/?') || path.startsWith('/#')
}

/** True when `host` is `domain` or one of its subdomains. */
function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}

/** A domain as written in config: lower case, without a scheme, `www.`, `@` or `*.`. */
function cleanDomain(domain: string): string {
  let d = domain.trim().toLowerCase()
  for (const prefix of ['https://', 'http://', '@', '*.', 'www.']) if (d.startsWith(prefix)) d = d.slice(prefix.length)
  const slash = d.indexOf('/')
  return slash >= 0 ? d.slice(0, slash) : d
}

/** The label of a domain that names the brand: `click.northwind.example` → `northwind`; `mail.acme.co.uk` → `acme`. */
function brandLabel(domain: string): string | undefined {
  const parts = domain.split('.').filter((p) => p.length > 0)
  if (parts.length < 2) return undefined
  const suffix = parts.slice(-2).join('.')
  const index = SECOND_LEVEL.has(suffix) && parts.length >= 3 ? parts.length - 3 : parts.length - 2
  const label = squash(parts[index]!)
  return label.length >= 3 && !GENERIC_LABELS.has(label) ? label : undefined
}

/** Lower-cased, diacritics folded, separators removed: "Kiln & Co" → "kilnco", "Ogród" → "ogrod". */
function squash(text: string): string {
  let out = ''
  for (const t of tokenize(text)) out += fold(t.norm)
  return out
}

/** True when every character is ASCII. */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false
  return true
}

function foldTokens(text: string): string[] {
  return tokenize(text).map((t) => fold(t.norm))
}

/**
 * A block's words, tokenised once per lint: the brand checks, the footer check and the list-mail
 * check each read the same blocks. Blocks are fixed once the document is built.
 */
const blockTokens = new WeakMap<Block, Token[]>()
function tokensOf(block: Block): Token[] {
  let tokens = blockTokens.get(block)
  if (!tokens) {
    tokens = tokenize(block.text)
    blockTokens.set(block, tokens)
  }
  return tokens
}

/** The folded words of a token list, computed once per list (see {@link tokensOf}). */
const foldedCache = new WeakMap<readonly Token[], string[]>()
function foldedWords(tokens: readonly Token[]): string[] {
  let folded = foldedCache.get(tokens)
  if (!folded) {
    folded = tokens.map((t) => fold(t.norm))
    foldedCache.set(tokens, folded)
  }
  return folded
}

/** Folds Polish (and other Latin) diacritics so that inflected and plain forms compare: "ł" → "l", "ó" → "o". */
function fold(word: string): string {
  const lower = normalizeWord(word)
  // ASCII has no marks to remove and no "ł": it is its own decomposition.
  if (isAscii(lower)) return lower
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l')
}

/** Finds `needle` in a decoded header value and maps it to source offsets. */
function locate(field: Header | undefined, needle: string): [number, number] | undefined {
  if (!field || !needle) return undefined
  const i = field.value.toLowerCase().indexOf(needle.toLowerCase())
  if (i < 0) return undefined
  return [field.map.start(i), field.map.end(i + needle.length)]
}
