/**
 * English jokes about a mistake. Stems (`oops*`) cover `oopsie`, `oopsies`;
 * `standalone` phrases count only when no word follows (`our bad!`, not
 * `our bad luck`).
 */
import type {HumourLexicon} from './index.js'

const en: HumourLexicon = {
  example: "We're sorry: yesterday's email showed the wrong price.",
  phrases: [
    // Playful interjections.
    {phrase: 'oops*', kind: 'interjection'},
    {phrase: 'ooops*', kind: 'interjection'},
    {phrase: 'oooops*', kind: 'interjection'},
    {phrase: 'whoops*', kind: 'interjection'},
    {phrase: 'woops*', kind: 'interjection'},
    {phrase: 'whoopsie*', kind: 'interjection'},
    {phrase: 'uh oh', kind: 'interjection'},
    {phrase: 'oh snap', kind: 'interjection'},
    {phrase: 'aw snap', kind: 'interjection'},
    {phrase: "d'oh", kind: 'interjection'},
    {phrase: 'yikes', kind: 'interjection'},
    {phrase: 'welp', kind: 'interjection'},
    {phrase: 'derp', kind: 'interjection'},
    {phrase: 'oh well', kind: 'flippant', standalone: true},
    // Laughter and chat slang.
    {phrase: 'haha*', kind: 'laughter'},
    {phrase: 'ha ha', kind: 'laughter'},
    {phrase: 'hehe*', kind: 'laughter'},
    {phrase: 'lol', kind: 'laughter'},
    {phrase: 'lolz', kind: 'laughter'},
    {phrase: 'lulz', kind: 'laughter'},
    {phrase: 'lmao', kind: 'laughter'},
    {phrase: 'lmfao', kind: 'laughter'},
    {phrase: 'rofl', kind: 'laughter'},
    {phrase: 'facepalm*', kind: 'laughter'},
    {phrase: 'face palm*', kind: 'laughter'},
    {phrase: 'just kidding', kind: 'flippant'},
    {phrase: 'only kidding', kind: 'flippant'},
    {phrase: 'kidding', kind: 'flippant', unlessAfter: ['not', 'no', "aren't", "isn't", "wasn't", "weren't", "we're", 'you']},
    {phrase: 'jk', kind: 'flippant'},
    // Flippant owning of the mistake.
    {phrase: 'our bad', kind: 'flippant', standalone: true},
    {phrase: 'my bad', kind: 'flippant', standalone: true},
    {phrase: 'we goofed', kind: 'flippant'},
    {phrase: 'goofed', kind: 'flippant'},
    {phrase: 'goof up', kind: 'flippant'},
    {phrase: 'big goof', kind: 'flippant'},
    {phrase: 'butterfingers', kind: 'flippant'},
    {phrase: 'butter fingers', kind: 'flippant'},
    {phrase: 'fat fingered', kind: 'flippant'},
    {phrase: 'brain fart', kind: 'flippant'},
    {phrase: 'sorry not sorry', kind: 'flippant'},
    {phrase: 'sorrynotsorry', kind: 'flippant'},
    {phrase: 'this is awkward', kind: 'flippant'},
    {phrase: 'well that was awkward', kind: 'flippant'},
    {phrase: 'nobody is perfect', kind: 'flippant'},
    {phrase: "nobody's perfect", kind: 'flippant'},
    {phrase: "no one's perfect", kind: 'flippant'},
    {phrase: 'to err is human', kind: 'flippant'},
    {phrase: "we're only human", kind: 'flippant'},
    {phrase: 'we are only human', kind: 'flippant'},
    // Blaming a made-up culprit.
    {phrase: 'the intern did it', kind: 'scapegoat'},
    {phrase: 'blame the intern', kind: 'scapegoat'},
    {phrase: 'blame it on the intern', kind: 'scapegoat'},
    {phrase: 'intern', kind: 'scapegoat', unlessBefore: ['program', 'programme', 'programs', 'programmes', 'position', 'positions', 'scheme', 'vacancy', 'vacancies', 'applications']},
    {phrase: 'interns', kind: 'scapegoat', unlessBefore: ['program', 'programme', 'programs', 'programmes', 'position', 'positions', 'scheme', 'vacancy', 'vacancies', 'applications']},
    {phrase: 'gremlin*', kind: 'scapegoat'},
    {phrase: 'cat walked across the keyboard', kind: 'scapegoat'},
    {phrase: 'cat walked on the keyboard', kind: 'scapegoat'},
    // Memes.
    {phrase: 'houston we have a problem', kind: 'meme'},
    {phrase: "houston we've had a problem", kind: 'meme'},
    {phrase: 'houston we had a problem', kind: 'meme'},
    {phrase: 'we had one job', kind: 'meme'},
    {phrase: 'you had one job', kind: 'meme'},
    {phrase: "not a bug it's a feature", kind: 'meme'},
    {phrase: "it's a feature not a bug", kind: 'meme'},
    {phrase: 'oops i did it again', kind: 'meme'},
  ],
}
export default en
