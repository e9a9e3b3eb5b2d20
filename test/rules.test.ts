/**
 * Walks every per-rule fixture folder (`fixtures/<rule-id>/`): each file is
 * linted with only that rule on; `good-*` files must come out clean, and every
 * other file must produce exactly the findings its marker lines describe, with
 * ranges that slice to the marked text.
 */
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint, type LintOptions} from '../src/lint.js'
import {builtinRules} from '../rules/index.js'
import {readMarkers} from './fixture-markers.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname
const EMAIL = /\.(?:eml|html|txt|md)$/

/** Per-folder options: `{"*": {...}, "file.html": {...}}`, LintOptions plus `ruleOptions` for the rule. */
type FolderOptions = Record<string, LintOptions & {ruleOptions?: Record<string, unknown>}>

for (const rule of builtinRules) {
  const dir = join(FIXTURES, rule.id)
  describe(`fixtures/${rule.id}`, () => {
    it('has good and bad fixtures in English and Polish', () => {
      expect(existsSync(dir), `fixtures/${rule.id}/ is missing`).toBe(true)
      const files = readdirSync(dir).filter((f) => EMAIL.test(f))
      expect(
        files.some((f) => f.startsWith('good-')),
        'no good-* fixture',
      ).toBe(true)
      expect(
        files.some((f) => f.startsWith('bad-')),
        'no bad-* fixture',
      ).toBe(true)
      expect(
        files.some((f) => /(^|-)pl-/.test(f)),
        'no Polish fixture (name it good-pl-… or bad-pl-…)',
      ).toBe(true)
      expect(
        files.some((f) => !/(^|-)pl-/.test(f)),
        'no English fixture',
      ).toBe(true)
    })
    if (!existsSync(dir)) return
    const optionsFile = join(dir, 'options.json')
    const folderOptions: FolderOptions = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as FolderOptions) : {}
    for (const file of readdirSync(dir)
      .filter((f) => EMAIL.test(f))
      .sort()) {
      it(file, async () => {
        const {source, markers} = readMarkers(readFileSync(join(dir, file), 'utf8'))
        const {ruleOptions, ...options} = {...folderOptions['*'], ...folderOptions[file]}
        const severity = rule.severity === 'warning' ? 'warn' : rule.severity
        const result = await lint(source, {
          ...options,
          filename: file,
          rules: Object.fromEntries(builtinRules.map((r) => [r.id, r.id === rule.id ? (ruleOptions ? [severity, ruleOptions] : severity) : 'off'])),
          throwOnRuleError: true,
        })
        const found = result.diagnostics.filter((d) => d.ruleId !== 'unused-directive')
        if (file.startsWith('good-')) {
          expect(found.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([])
          expect(markers).toEqual([])
          return
        }
        expect(markers.length, 'a bad fixture needs at least one marker line').toBeGreaterThan(0)
        const actual = found.map((d) => ({
          ruleId: d.ruleId,
          start: d.range.start.offset,
          end: d.range.end.offset,
          text: source.slice(d.range.start.offset, d.range.end.offset),
          // The marker's text may quote the message or its note (why, fix and the example for this email).
          message: d.note ? `${d.message}\n${d.note}` : d.message,
        }))
        const expected = markers.map((m) => ({
          ruleId: m.ruleId,
          start: m.start,
          text: source.slice(m.start, m.end),
          message: m.message,
          toLineEnd: m.toLineEnd,
          end: m.end,
        }))
        // Compare as readable rows so a failure shows what is missing and what is extra.
        const row = (r: {ruleId: string; start: number; text: string}): string => `${r.ruleId} @${r.start} ${JSON.stringify(r.text)}`
        const actualRows = actual.map((a) => {
          const marker = expected.find((e) => e.ruleId === a.ruleId && e.start === a.start)
          // A finding that runs past its line is marked to the end of the line.
          const text = marker?.toLineEnd && a.end > marker.end ? source.slice(a.start, marker.end) : a.text
          return row({ruleId: a.ruleId, start: a.start, text})
        })
        expect(actualRows.sort()).toEqual(expected.map(row).sort())
        for (const m of expected) {
          if (!m.message) continue
          // Two findings may share a position; the marker's message picks which one it means.
          const atSpot = actual.filter((a) => a.ruleId === m.ruleId && a.start === m.start)
          expect(
            atSpot.map((a) => a.message).some((message) => message.includes(m.message!)),
            `no ${m.ruleId} finding at ${m.start} says "${m.message}"`,
          ).toBe(true)
        }
      })
    }
  })
}
