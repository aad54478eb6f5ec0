/**
 * General French words that FreeDict's French–English dictionary lacks, or
 * gives only a rare sense of, with their common English senses, best first:
 * the words of business, public life, technology and the press that any
 * news or report is written in, familiar words for money, and the words
 * for a document's parts (a question about a source names them: "le
 * titre", "l'intertitre", "la dépêche"). They add to the dictionary's
 * senses, never replace them. Keys are folded base forms (the lexicon
 * finds "entreprises" through "entreprise", "dirigeante" through
 * "dirigeant").
 */

/** Folded French base form -> English senses, the commonest first. */
export const GENERAL_VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  // Familiar words for money.
  fric: ['money', 'cash'], thune: ['money', 'cash'], tune: ['money', 'cash'], pognon: ['money', 'cash'], flouze: ['money', 'cash'], oseille: ['sorrel', 'money'],
  // Business and finance.
  entreprise: ['company', 'business', 'firm', 'enterprise'], societe: ['company', 'society', 'firm'], firme: ['firm', 'company'],
  patron: ['boss', 'head', 'chief executive', 'employer'], dirigeant: ['leader', 'executive', 'head', 'manager', 'director'], direction: ['management', 'leadership', 'direction'],
  chercheur: ['researcher', 'scientist'], salarie: ['employee', 'worker'], effectif: ['workforce', 'staff', 'headcount'],
  siege: ['headquarters', 'seat', 'head office'], filiale: ['subsidiary'], actionnaire: ['shareholder'], investisseur: ['investor'],
  financement: ['funding', 'financing', 'finance'], montant: ['amount', 'sum'], enveloppe: ['budget', 'envelope', 'funding'], chiffre: ['figure', 'number'],
  subvention: ['subsidy', 'grant'], pret: ['loan'], dette: ['debt'], benefice: ['profit'], croissance: ['growth'], marche: ['market', 'deal', 'contract'],
  accord: ['agreement', 'deal', 'accord'], contrat: ['contract', 'deal'], partenaire: ['partner'], partenariat: ['partnership'], pacte: ['pact'],
  fournisseur: ['supplier', 'provider', 'vendor'], fournir: ['supply', 'provide'], livrer: ['deliver', 'supply'], livraison: ['delivery'], commande: ['order'],
  achat: ['purchase', 'procurement'], cout: ['cost'], couter: ['cost'], depenser: ['spend'], depense: ['spending', 'expense'], valoir: ['be worth', 'worth'],
  fondateur: ['founder'], cofondateur: ['co-founder'], fonder: ['found', 'establish'], lancer: ['launch', 'start'], lancement: ['launch'],
  promesse: ['pledge', 'promise'], promettre: ['promise', 'pledge'], engagement: ['commitment', 'pledge'], mobiliser: ['mobilise', 'mobilize', 'raise'],
  debloquer: ['release', 'unlock'], injecter: ['inject', 'put in'], viser: ['aim', 'target'], objectif: ['goal', 'target', 'objective'], cible: ['target'],
  startup: ['startup', 'start-up'], licorne: ['unicorn'], concurrence: ['competition'], concurrent: ['competitor', 'rival'], course: ['race', 'run'],
  // Public life.
  sommet: ['summit'], rencontre: ['meeting'], reunion: ['meeting'], seance: ['session', 'meeting'], pleniere: ['plenary'], intervenant: ['speaker'],
  personne: ['person', 'people', 'individual'], delegue: ['delegate'], delegation: ['delegation'], depute: ['member of parliament', 'deputy'], candidature: ['application', 'bid', 'candidacy'],
  candidat: ['candidate', 'applicant'], candidater: ['apply'], postuler: ['apply'], souverainete: ['sovereignty'], reglementation: ['regulation'],
  accueillir: ['host', 'welcome'], heberger: ['host'], presider: ['chair', 'preside'], adopter: ['adopt'], rejoindre: ['join'], participer: ['participate', 'take part', 'attend'],
  assister: ['attend', 'assist'], intervenir: ['speak', 'intervene'], declarer: ['declare', 'state', 'say'], affirmer: ['say', 'state', 'claim'],
  souligner: ['stress', 'highlight', 'underline'], estimer: ['estimate', 'believe', 'consider'], prevoir: ['plan', 'expect', 'forecast'],
  seduire: ['attract', 'court', 'woo', 'seduce'], attirer: ['attract', 'draw'], courtiser: ['court', 'woo'], inscrire: ['register', 'enrol', 'enter'],
  // Technology.
  puce: ['chip', 'flea'], calcul: ['computing', 'compute', 'calculation'], supercalculateur: ['supercomputer'], donnees: ['data'], logiciel: ['software'],
  materiel: ['hardware', 'equipment'], reseau: ['network'], usine: ['factory', 'plant'], pole: ['hub', 'centre', 'pole'], plateforme: ['platform'],
  entrainer: ['train'], modele: ['model'], recherche: ['research', 'search'], brevet: ['patent'], norme: ['standard', 'norm'], renouvelable: ['renewable'],
  // A document and its parts.
  intertitre: ['subheading', 'heading'], titre: ['title', 'headline', 'heading'], chapeau: ['standfirst', 'introduction'], legende: ['caption', 'legend'],
  encadre: ['box', 'sidebar'], depeche: ['dispatch', 'wire story', 'report'], reportage: ['report', 'story', 'coverage', 'reportage'],
  communique: ['statement', 'press release'], declaration: ['statement', 'declaration'], tribune: ['op-ed', 'column'], entretien: ['interview', 'conversation'],
  transcription: ['transcript'], fiche: ['sheet', 'fact sheet'], rapport: ['report'], bilan: ['review', 'results', 'assessment'], resume: ['summary'],
  synthese: ['summary', 'synthesis'], extrait: ['excerpt', 'extract'], citation: ['quote', 'quotation'], auteur: ['author', 'writer'], redaction: ['newsroom', 'editorial staff'],
  rectificatif: ['correction'], lien: ['link'],
};

/**
 * Words with a familiar sense that only the context calls up: "blé" is
 * wheat, but money in a question about an amount ("combien de blé ?").
 */
export const CONTEXT_SENSES: Readonly<Record<string, { english: string; context: 'money' }>> = {
  ble: { english: 'money', context: 'money' }, oseille: { english: 'money', context: 'money' },
};

/** Words that make a message about money (folded): an amount asked, a price, a sum spent or given. */
export const MONEY_CONTEXT = /(?:^|[^\p{L}])(?:combien|montant|prix|cout\w*|payer|paye\w*|depens\w*|invest\w*|mis|mettre|met|mettent|lache\w*|claque\w*|file\w*|gagn\w*|leve\w*|euros?|dollars?|milliards?|millions?)(?![\p{L}])|[€$£]/u;
