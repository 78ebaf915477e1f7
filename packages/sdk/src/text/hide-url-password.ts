/**
 * Hides the password of every URL in `text`
 * (`postgres://pcx:secret@db/pcx` → `postgres://pcx:***@db/pcx`), keeping the
 * user name so a message still says which account was used. For store URLs
 * and driver messages shown to people.
 */
export function hideUrlPassword(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@");
}
