/**
 * The engine's answer templates, each as the pattern of its English text and
 * its French wording. Every template the English composers write has one
 * here (tests/french/compose-templates.test.ts feeds the engine's real
 * answers through them); the first pattern that matches a sentence wins, so
 * the specific ones come before the general "X: …".
 */
import { frenchDate, frenchNumber } from './french-values.js';

/** What a template's French needs: slots written in French, or framed as English. */
export interface Render {
  /** Free English text (a document's sentence, a figure's description): « … », marked "(en anglais)" the first time. */
  english(text: string): string;
  /** Text shown as it is, inside « ». */
  quoted(text: string): string;
  /** A name: as it is, framed when it is an English phrase ("the French president"). */
  name(text: string): string;
  /** A document's title. */
  title(text: string): string;
  /** A figure's value, amount, date or period, in French. */
  value(display: string): string;
  /** A word of the question, as the user wrote it in French. */
  userWord(english: string): string;
  /** Whether a name is that of a quoted document (its publisher or title, perhaps clipped). */
  isSource(name: string): boolean;
}

export interface Template {
  re: RegExp;
  render(m: RegExpExecArray, r: Render): string;
}

/** "display (what)", the what holding at most one level of brackets. */
const PART = String.raw`(.+?) \(((?:[^()]|\([^()]*\))*)\)`;
const part = (display: string, what: string, r: Render) => `${r.value(display)} (${r.english(what)})`;

/** "A (x) and B (y)": each part in French. */
function parts(list: string, joiner: RegExp, r: Render): string[] {
  const out: string[] = [];
  const re = new RegExp(`${PART}(?:${joiner.source}|$)`, 'g');
  for (const m of list.matchAll(re)) out.push(part(m[1]!, m[2]!, r));
  return out.length ? out : [r.english(list)];
}

/** "a, b or c" into French with the conjunction given. */
function joinFrench(items: string[], conjunction: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Names joined in English ("A, B and C") -> each name. */
function splitNames(text: string, conjunction = 'and'): string[] {
  return text.split(new RegExp(`,\\s+|\\s+${conjunction}\\s+`)).filter(Boolean);
}

/** "that", names, or “the user's words”: what a refusal is about. */
function subject(text: string, r: Render): string {
  if (text === 'that') return 'cela';
  const words = /^[“"](.+)[”"]$/.exec(text);
  if (words) return r.userWord(words[1]!);
  return joinFrench(splitNames(text).map((n) => r.name(n)), 'et');
}

/** "(Publisher, 2025-02-11)" after a figure answer from several sources. */
const SOURCE_NOTE = /\s\(((?:[^()]|\([^()]*\))+?)(?:, (\d{4}-\d\d-\d\d))?\)\.?$/;

function sourceNote(name: string, date: string | undefined, r: Render): string {
  return ` (${r.title(name)}${date ? `, ${frenchDate(date, false)}` : ''})`;
}

/** "Continental Press Service, 2026-03-05" -> its name and its date. */
function sourceAndDate(text: string): [string, string | undefined] {
  const m = /^(.+?)(?:, (\d{4}-\d\d-\d\d))?$/.exec(text)!;
  return [m[1]!, m[2]];
}

const SHARES: Record<string, string> = { 'a quarter': 'un quart', half: 'la moitié', 'three quarters': 'les trois quarts', 'a third': 'un tiers', 'two thirds': 'les deux tiers' };
const CURRENCIES: Record<string, string> = { euros: 'euros', dollars: 'dollars', pounds: 'livres', EUR: 'EUR', USD: 'USD', GBP: 'GBP' };
const VALUE_LIKE = /\d|[€$£]|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|one|two|three|four|five|six|seven|eight|nine|ten|years?|months?|weeks?|days?|today|yesterday|tomorrow)\b/i;

export const TEMPLATES: readonly Template[] = [
  // The engine's help and its refusals of unusable questions.
  { re: /^I answer questions from (?:one source document, (“[^”]*”)|(\d+) source documents(?: \(among them (.+)\))?), quoting them word for word with the paragraph each quote comes from\.$/,
    render: (m) => `Je réponds aux questions à partir ${m[2] ? `de ${m[2]} documents sources${m[3] ? ` (dont ${m[3].replace(/” and “/g, '” et “').replace(/“/g, '« ').replace(/”/g, ' »')})` : ''}` : `d'un document source, ${m[1]!.replace(/“/g, '« ').replace(/”/g, ' »')}`}, que je cite mot pour mot avec le paragraphe d'où vient chaque citation.` },
  { re: /^When the sources don't say, I tell you\.$/, render: () => 'Quand les sources ne disent rien, je vous le dis.' },
  { re: /^You're welcome\. Ask me anything else about the sources\.$/, render: () => 'Je vous en prie. Posez-moi toute autre question sur les sources.' },
  { re: /^Something went wrong while answering that question\. Please try rephrasing it\.$/, render: () => "Une erreur s'est produite en répondant à cette question. Essayez de la reformuler." },
  { re: /^That question is too long \(([\d,]+) characters\)\. Please ask in under ([\d,]+) characters\.$/,
    render: (m) => `Cette question est trop longue (${frenchNumber(Number(m[1]!.replace(/,/g, '')))} caractères). Posez-la en moins de ${frenchNumber(Number(m[2]!.replace(/,/g, '')))} caractères.` },
  { re: /^Please type a question about the sources\.$/, render: () => 'Tapez une question sur les sources.' },
  { re: /^That doesn't look like a question I can read\. Please ask in words\.$/, render: () => 'Cela ne ressemble pas à une question que je peux lire. Posez-la avec des mots.' },
  // Questions about the previous answer.
  { re: /^That answer quotes (.+)\.$/,
    render: (m, r) => `Cette réponse cite ${m[1]!.split('; ').map((c) => {
      const x = /^(.+), paragraph (\d+)(?: \((\S+)\))?$/.exec(c);
      return x ? `${r.title(x[1]!)}, paragraphe ${x[2]}${x[3] ? ` (${x[3]})` : ''}` : r.english(c);
    }).join(' ; ')}.` },
  { re: /^(.+?) \(the publisher; the passage names no speaker\)\.$/, render: (m, r) => `${r.name(m[1]!)} (l'éditeur ; le passage ne nomme personne).` },
  { re: /^(.+?) said it, according to the source\.$/, render: (m, r) => `${r.name(m[1]!)} l'a dit, selon la source.` },
  { re: /^The source doesn't say who said that: the passage in (.+), paragraph (\d+), names no speaker\.$/,
    render: (m, r) => `La source ne dit pas qui l'a dit : le passage de ${r.title(m[1]!)}, paragraphe ${m[2]}, ne nomme personne.` },
  // What the sources don't say.
  { re: /^The sources don't mention (.+)\.$/, render: (m, r) => `Les sources ne mentionnent pas ${joinFrench(splitNames(m[1]!, 'or').map((w) => r.userWord(w)), 'ou')}.` },
  { re: /^The sources give no exchange rate, so they can't say what that is in (.+)\.$/,
    render: (m, r) => `Les sources ne donnent aucun taux de change : elles ne peuvent pas dire ce que cela fait en ${CURRENCIES[m[1]!] ?? r.userWord(m[1]!)}.` },
  { re: /^I couldn't find anything in that question to look up in the sources\.$/, render: () => "Je n'ai rien trouvé à chercher dans les sources dans cette question." },
  { re: /^The sources don't say when: they give no date or time for (.+)\.$/, render: (m, r) => `Les sources ne disent pas quand : elles ne donnent ni date ni heure pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't say where: they name no place for (.+)\.$/, render: (m, r) => `Les sources ne disent pas où : elles ne nomment aucun lieu pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't give that number: nothing in them counts it for (.+)\.$/, render: (m, r) => `Les sources ne donnent pas ce nombre : rien n'y est compté pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't give that amount for (.+)\.$/, render: (m, r) => `Les sources ne donnent pas ce montant pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't say how long for (.+)\.$/, render: (m, r) => `Les sources ne disent pas combien de temps pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't say who, for (.+)\.$/, render: (m, r) => `Les sources ne disent pas qui, pour ${subject(m[1]!, r)}.` },
  { re: /^The sources don't answer that: nothing in them covers (.+) in that way\.$/, render: (m, r) => `Les sources ne répondent pas à cela : rien n'y traite de ${subject(m[1]!, r)} sous cet angle.` },
  { re: /^The sources don't answer that\.$/, render: () => 'Les sources ne répondent pas à cela.' },
  { re: /^The sources have no figures or summary to give\.$/, render: () => "Les sources n'ont ni chiffres ni résumé à donner." },
  { re: new RegExp(`^The sources don't say who gave ${PART}\\.$`), render: (m, r) => `Les sources ne disent pas qui a donné ${part(m[1]!, m[2]!, r)}.` },
  { re: /^The sources don't say who (.+)\.$/, render: (m, r) => `Les sources ne disent pas qui : ${r.english(m[1]!)}.` },
  { re: /^The sources don't say so in those words\. What they say: (.+)$/s, render: (m, r) => `Les sources ne le disent pas en ces termes. Ce qu'elles disent : ${r.english(m[1]!)}` },
  // Claims checked.
  { re: new RegExp(`^No: the sources give ${PART}, an? (\\w+), not (\\w+)\\.$`),
    render: (m, r) => `Non : les sources donnent ${part(m[1]!, m[2]!, r)}, un ${r.value(m[3]!)}, pas ${r.value(m[4]!)}.` },
  { re: /^Yes: ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|.+?), (.+), was an? (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.$/,
    render: (m, r) => `Oui : ${r.value(m[1]!)}, ${r.english(m[2]!)}, était un ${r.value(m[3]!)}.` },
  { re: new RegExp(`^No: the sources give (.+?) for (.+?) \\(((?:[^()]|\\([^()]*\\))*)\\); ${PART} came from (.+)\\.$`),
    render: (m, r) => `Non : les sources donnent ${r.value(m[1]!)} pour ${r.name(m[2]!)} (${r.english(m[3]!)}) ; ${part(m[4]!, m[5]!, r)} venait de ${r.name(m[6]!)}.` },
  { re: new RegExp(`^No: ${PART} came from (.+?), not (.+)\\.$`),
    render: (m, r) => `Non : ${part(m[1]!, m[2]!, r)} venait de ${r.name(m[3]!)}, pas de ${joinFrench(splitNames(m[4]!, 'or').map((n) => r.name(n)), 'ou')}.` },
  { re: new RegExp(`^Yes: ${PART}, according to the sources from (.+)\\.$`), render: (m, r) => `Oui : ${part(m[1]!, m[2]!, r)}, selon les sources, de ${r.name(m[3]!)}.` },
  { re: new RegExp(`^No: the sources give ${PART}, not (.+?)\\.(?: (.+?) was an earlier figure, since corrected\\.)?$`),
    render: (m, r) => `Non : les sources donnent ${part(m[1]!, m[2]!, r)}, pas ${r.value(m[3]!)}.${m[4] ? ` ${r.value(m[4])} était un chiffre antérieur, corrigé depuis.` : ''}` },
  { re: /^No: the sources give ([^()]+?), not (.+)\.$/, render: (m, r) => `Non : les sources donnent ${r.value(m[1]!)}, pas ${r.value(m[2]!)}.` },
  { re: /^No: the sources say (.+?), not (.+)\.$/, render: (m, r) => `Non : les sources disent ${VALUE_LIKE.test(m[1]!) ? r.value(m[1]!) : r.name(m[1]!)}, pas ${VALUE_LIKE.test(m[2]!) ? r.value(m[2]!) : r.userWord(m[2]!)}.` },
  { re: /^No: according to the sources it was (.+)\.$/, render: (m, r) => `Non : selon les sources, c'était ${r.name(m[1]!)}.` },
  { re: /^No: the sources tie it to (.+?), not (.+)\.$/, render: (m, r) => `Non : les sources le rattachent à ${r.name(m[1]!)}, pas à ${r.name(m[2]!)}.` },
  { re: new RegExp(`^(In|Yes, in|No, in) (euros|dollars|pounds): the sources give ${PART}\\.$`),
    render: (m, r) => `${({ In: 'En', 'Yes, in': 'Oui, en', 'No, in': 'Non, en' } as Record<string, string>)[m[1]!]} ${CURRENCIES[m[2]!]} : les sources donnent ${part(m[3]!, m[4]!, r)}.` },
  { re: /^Yes, according to (.+?): (.+)$/s, render: (m, r) => `Oui, selon ${m[1] === 'the source' ? 'la source' : r.name(m[1]!)} : ${r.english(m[2]!)}` },
  { re: /^Yes: (.+?), (.+)\.$/, render: (m, r) => `Oui : ${r.value(m[1]!)}, ${r.english(m[2]!)}.` },
  // Figures side by side, added up, shared out, listed.
  { re: new RegExp(`^${PART} against ${PART}\\.$`), render: (m, r) => `${part(m[1]!, m[2]!, r)} contre ${part(m[3]!, m[4]!, r)}.` },
  { re: /^The first is ([\d.]+) times the second\.$/, render: (m) => `Le premier vaut ${frenchNumber(Number(m[1]))} fois le second.` },
  { re: /^The second is ([\d.]+) times the first\.$/, render: (m) => `Le second vaut ${frenchNumber(Number(m[1]))} fois le premier.` },
  { re: /^They are the same size\.$/, render: () => 'Ils sont du même montant.' },
  { re: /^They are in different currencies \((\w+) and (\w+)\), so the sources give no direct comparison\.$/,
    render: (m) => `Ils sont dans des devises différentes (${m[1]} et ${m[2]}) : les sources ne permettent pas de les comparer directement.` },
  { re: /^These can't be added up directly: (.+) are in different currencies \((.+)\), and the sources give no exchange rate\.$/,
    render: (m, r) => `Impossible de les additionner directement : ${joinFrench(parts(m[1]!, / and /, r), 'et')} sont dans des devises différentes (${m[2]!.replace(/ and /g, ' et ')}), et les sources ne donnent aucun taux de change.` },
  { re: /^(.+?): (.+\)), which the source gives as (.+?), (.+)\.$/,
    render: (m, r) => `${r.value(m[1]!)} : ${parts(m[2]!, / plus /, r).join(' plus ')}, que la source donne comme ${r.value(m[3]!)}, ${r.english(m[4]!)}.` },
  { re: /^(.+?) in all, adding (.+) \(a sum of the cited figures, not a figure the sources state\)\.$/,
    render: (m, r) => `${r.value(m[1]!)} au total, en additionnant ${joinFrench(parts(m[2]!, / and /, r), 'et')} (une somme des chiffres cités, pas un chiffre que donnent les sources).` },
  { re: /^In all, the sources' amounts come to (.+)\.$/,
    render: (m, r) => `Au total, les montants des sources s'élèvent à ${m[1]!.split(/\), and /).map((group, i, all) => {
      const g = /^(.+?) \((.+)$/.exec(i < all.length - 1 ? `${group})` : group);
      if (!g) return r.english(group);
      const inner = g[2]!.replace(/\)$/, '').split('; ').map((item) => {
        const x = /^(.+?): (.+)$/.exec(item);
        return x ? `${r.value(x[1]!)} : ${r.english(x[2]!)}` : r.english(item);
      });
      return `${r.value(g[1]!)} (${inner.join(' ; ')})`;
    }).join(', et ')}.` },
  { re: /^This is a sum of the cited figures, not a figure the sources state\.$/, render: () => "C'est une somme des chiffres cités, pas un chiffre que donnent les sources." },
  { re: /^Each currency is added up apart: the sources give no exchange rate\.$/, render: () => 'Chaque devise est additionnée à part : les sources ne donnent aucun taux de change.' },
  { re: new RegExp(`^${PART}: (?:(a quarter|half|three quarters|a third|two thirds) \\(([\\d.]+)%\\)|([\\d.]+)%) of the ${PART}\\.$`),
    render: (m, r) => `${part(m[1]!, m[2]!, r)} : ${m[3] ? `${SHARES[m[3]]} (${frenchNumber(Number(m[4]))} %)` : `${frenchNumber(Number(m[5]))} %`} de ${part(m[6]!, m[7]!, r)}.` },
  { re: /^The share is worked out from the two cited figures\.$/, render: () => 'La part est calculée à partir des deux chiffres cités.' },
  { re: /^The main figures: (.+)\.$/, render: (m, r) => `Les principaux chiffres : ${parts(m[1]!, /; /, r).join(' ; ')}.` },
  { re: /^In short, from (?:the source|(\d+) sources): (.+)$/s, render: (m, r) => `En bref, ${m[1] ? `selon ${m[1]} sources` : 'selon la source'} : ${r.english(m[2]!)}` },
  // A document's own details (generate/document-details.ts).
  { re: /^Of the document “(.+?)”: (.+)\.$/s, render: (m, r) => `Du document ${r.title(m[1]!)} : ${m[2]!.split(/; (?=its |it is )/).map((d) => documentDetail(d, r)).join(' ; ')}.`.replace(/\.\.$/, '.') },
  // Notes on other sources.
  { re: /^It corrects the (.+?) given earlier(?: \((.+)\))?\.$/, render: (m, r) => `Il corrige le chiffre de ${r.value(m[1]!)} donné plus tôt${m[2] ? sourceNote(...sourceAndDate(m[2]), r) : ''}.` },
  { re: /^The sources differ: (.+)\.$/,
    render: (m, r) => `Les sources divergent : ${m[1]!.split('; ').map((s) => {
      const x = /^(.+?) says (.+)$/.exec(s);
      return x ? `${sourceNote(...sourceAndDate(x[1]!), r).trim().replace(/^\(|\)$/g, '')} donne ${r.value(x[2]!)}` : r.english(s);
    }).join(' ; ')}.` },
  // Leads of answers from passages: who, when, where, how much, what was said.
  { re: /^The source says: (.+)$/s, render: (m, r) => `Selon la source : ${r.english(m[1]!)}` },
  { re: /^Signed by (.+?): (.+)$/s, render: (m, r) => `Signé par ${r.name(m[1]!)} : ${r.english(m[2]!)}` },
  { re: /^(.+?), who signed the post: (.+)$/s, render: (m, r) => `${r.name(m[1]!)}, qui a signé le message : ${r.english(m[2]!)}` },
  { re: /^(.+?), as the source gives it\.$/, render: (m, r) => `${m[1]!.replace(/ \((.+)\)$/, (_, n: string) => ` (${r.name(n)})`)}, tel que la source l'écrit.` },
  { re: /^Today \((\w+) (.+?), the day of publication\): (.+)$/s,
    render: (m, r) => `Aujourd'hui (le ${r.value(m[1]!)} ${r.value(m[2]!)}, jour de publication) : ${r.english(m[3]!)}` },
  { re: /^([^:]{1,80}?), according to the source: (.+)$/s, render: (m, r) => `${leadName(m[1]!, r)}, selon la source : ${r.english(m[2]!)}` },
  { re: /^([^:]{1,80}?) said: (.+)$/s, render: (m, r) => `${r.name(m[1]!)} a déclaré : ${r.english(m[2]!)}` },
  // "€200 billion: what InvestAI aims to mobilise…", "Monday: …", "InvestAI: the EU initiative…".
  { re: /^([^:]{1,100}?): (.+)$/s,
    render: (m, r) => {
      const found = SOURCE_NOTE.exec(m[2]!);
      const note = found && (found[2] || r.isSource(found[1]!)) ? found : undefined;
      const rest = note ? m[2]!.slice(0, note.index) : m[2]!;
      return `${VALUE_LIKE.test(m[1]!) ? r.value(m[1]!) : r.name(m[1]!)} : ${r.english(rest)}${note ? `${sourceNote(note[1]!, note[2], r)}.` : ''}`;
    } },
];

/** One detail of a document: its title, date, author, publisher, kind, note, language or address. */
function documentDetail(detail: string, r: Render): string {
  let m: RegExpExecArray | null;
  if ((m = /^its title is “(.+)”$/.exec(detail))) return `son titre est ${r.title(m[1]!)}`;
  if ((m = /^it is dated (?:.+? \()?(\d{4}-\d\d-\d\d)\)?$/.exec(detail))) return `il est daté du ${frenchDate(m[1]!, false)}`;
  if ((m = /^it is dated (.+)$/.exec(detail))) return `il est daté : ${r.english(m[1]!)}`;
  if ((m = /^it is by (.+)$/.exec(detail))) return `il est de ${r.name(m[1]!)}`;
  if ((m = /^its publisher is (.+)$/.exec(detail))) return `son éditeur est ${r.name(m[1]!)}`;
  if ((m = /^it is an? (.+)$/.exec(detail))) return `c'est : ${r.english(m[1]!)}`;
  if ((m = /^its note says: (.+)$/s.exec(detail))) return `sa note dit : ${r.english(m[1]!)}`;
  if ((m = /^it is in (\S+)$/.exec(detail))) return `il est en ${({ en: 'anglais', fr: 'français', de: 'allemand', es: 'espagnol', it: 'italien', pt: 'portugais' } as Record<string, string>)[m[1]!] ?? r.quoted(m[1]!)}`;
  if ((m = /^it is at (\S+)$/.exec(detail))) return `il se trouve à ${m[1]}`;
  return r.english(detail);
}

/** The lead of "X, according to the source": a word of the question ("Collaborative"), or a name. */
function leadName(lead: string, r: Render): string {
  const word = r.userWord(lead);
  return word !== lead ? word.replace(/^«\s*(\p{Ll})/u, (_, c: string) => `« ${c.toUpperCase()}`) : r.name(lead);
}
