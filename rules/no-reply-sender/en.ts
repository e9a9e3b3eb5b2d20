/** English phrases that tell readers not to reply. `end: true` phrases count only at the end of a sentence. */
import type {NoReplyLexicon} from './index.js'

const en: NoReplyLexicon = {
  replyExample: 'Questions? Reply to this email or write to {address}: a person on our team will answer.',
  displayNames: ['no reply', 'noreply', 'no-reply', 'do not reply', 'donotreply', "don't reply", 'no response'],
  phrases: [
    {phrase: 'do not reply to this'},
    {phrase: "don't reply to this"},
    {phrase: 'do not reply directly'},
    {phrase: "don't reply directly"},
    {phrase: 'do not respond to this'},
    {phrase: 'please do not reply', end: true},
    {phrase: 'please do not respond', end: true},
    {phrase: 'do not reply', end: true},
    {phrase: 'replies to this email are not'},
    {phrase: 'replies to this message are not'},
    {phrase: 'replies to this address are not'},
    {phrase: 'replies are not monitored'},
    {phrase: 'replies will not be read'},
    {phrase: 'mailbox is not monitored'},
    {phrase: 'inbox is not monitored'},
    {phrase: 'address is not monitored'},
    {phrase: 'mailbox is unmonitored'},
    {phrase: 'inbox is unmonitored'},
    {phrase: 'address is unmonitored'},
    {phrase: 'unmonitored mailbox'},
    {phrase: 'unmonitored inbox'},
    {phrase: 'unmonitored address'},
    {phrase: 'unmonitored email address'},
    {phrase: 'does not accept replies'},
    {phrase: 'cannot accept replies'},
    {phrase: 'cannot receive replies'},
    {phrase: 'not able to receive replies'},
  ],
}
export default en
