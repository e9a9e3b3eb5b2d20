/** Polish data for suppression-list-resend: what to do instead of sending. */
import type {SuppressionLexicon} from './index.js'

const pl: SuppressionLexicon = {
  instead:
    'anuluj wysyłkę, przywróć listę wykluczeń i odpowiadaj osobiście osobom, które napiszą, np. „Ma Pan rację, wypisał się Pan z listy i nie powinien był dostać tej wiadomości. Ponownie usunęliśmy Pana adres – przepraszamy.”',
}
export default pl
