/**
 * Hostile input families that must grow linearly: each is built at n and 2n
 * and timed; the ratio of the medians is what to read (≤ 2.2 is linear with
 * noise). Shared by the benchmark (bench/run.ts) and `tsx bench/scaling.ts`.
 */
import type {Format} from '../src/document.js'

/** One family of hostile inputs, built at any size. */
export interface ScalingFamily {
  id: string
  what: string
  format: Format
  /** The smaller size (the bench also runs 2n). */
  n: number
  build(n: number): string
  /** Extra lint options. */
  options?: Record<string, unknown>
  /** Render the findings as the HTML report instead of linting only. */
  report?: boolean
}

const rep = (s: string, n: number): string => s.repeat(n)

/** The families named in the speed issue, and a few more of the same shape. */
export const scalingFamilies: readonly ScalingFamily[] = [
  {
    id: 'directive-pairs',
    what: 'disable/enable directive pairs around apology sentences',
    format: 'html',
    n: 1000,
    build: (n) => `<p>We are sorry.</p>${rep('<!-- apology-lint-disable humour --><p>Oops! LOL, sorry.</p><!-- apology-lint-enable humour -->', n)}`,
  },
  {
    id: 'disable-next-block',
    what: 'disable-next-block directives',
    format: 'html',
    n: 2500,
    build: (n) => `<p>We are sorry.</p>${rep('<!-- apology-lint-disable-next-block humour --><p>Oops! LOL, sorry.</p>', n)}`,
  },
  {
    id: 'sorry-sentences',
    what: '"Sorry. " repeated in one paragraph (language set to English: detection calls it Czech, which would run only structural rules)',
    format: 'text',
    n: 40000,
    build: (n) => rep('Sorry. ', n),
    options: {language: 'en'},
  },
  {
    id: 'sorry-cells',
    what: '<td>Sorry</td> cells',
    format: 'html',
    n: 35000,
    build: (n) => `<table><tr>${rep('<td>Sorry</td>', n)}</tr></table>`,
  },
  {
    id: 'placeholders',
    what: '{{first_name}} placeholders in one sentence',
    format: 'text',
    n: 20000,
    build: (n) => `We are sorry: your data was exposed in a breach. ${rep('{{first_name}} ', n)}`,
  },
  {
    id: 'unclosed-tags',
    what: 'unclosed inline tags <div><span><b><i>',
    format: 'html',
    n: 25000,
    build: (n) => `<p>We are sorry.</p>${rep('<div><span><b><i>', n)}text`,
  },
  {
    id: 'bare-links',
    what: 'bare URLs in one paragraph (text)',
    format: 'text',
    n: 20000,
    build: (n) => `We are sorry. ${rep('https://a.example/ ', n)}`,
  },
  {
    id: 'autolinks-md',
    what: '<https://a.example> autolinks in one Markdown paragraph',
    format: 'markdown',
    n: 5000,
    build: (n) => `We are sorry. ${rep('<https://a.example> ', n)}`,
  },
  {
    id: 'setext-md',
    what: 'setext headings "Sorry\\n===" in Markdown',
    format: 'markdown',
    n: 5000,
    build: (n) => rep('Sorry\n===\n', n),
  },
  {
    id: 'blockquote-md',
    what: '"> a" blockquote lines in Markdown',
    format: 'markdown',
    n: 20000,
    build: (n) => rep('> a\n', n),
  },
  {
    id: 'reflinks-md',
    what: '[x][r] reference links in Markdown',
    format: 'markdown',
    n: 10000,
    build: (n) => `${rep('[x][r] ', n)}\n\n[r]: https://a.example\n`,
  },
  {
    id: 'list-items-md',
    what: '"- Sorry" list items in Markdown',
    format: 'markdown',
    n: 15000,
    build: (n) => rep('- Sorry\n', n),
  },
  {
    id: 'emoji',
    what: 'emoji (one humour finding each, capped)',
    format: 'text',
    n: 100000,
    build: (n) => `We are sorry. ${rep('😂', n)}`,
  },
  {
    id: 'html-report',
    what: 'HTML report over one finding per emoji (caps raised)',
    format: 'text',
    n: 8000,
    report: true,
    options: {maxFindings: 1e9, maxFindingsPerRule: 1e9},
    build: (n) => `We are sorry. ${rep('😂 ', n)}`,
  },
]
