//! The embedded word lists, folded into one table so that a word's roles cost one lookup.
//!
//! Large lists live in text files beside this one (`first_names.txt`, `places.txt`,
//! `org_words.txt`, `english.txt`, hand-compiled; `common.txt` and `lowercase.txt`, derived
//! from corpus counts by `common_words.py`). Short closed classes (roles, civilities, particles, speech verbs) are
//! listed below. Keys are folded (lowercase, accents removed, `’` as `'`), so `Édouard`,
//! `Edouard` and `édouard` share their flags; capitalisation is judged by the caller.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::hash::Fnv;

/// A given name (`Jens`, `Sergueï`).
pub(super) const GIVEN: u32 = 1 << 0;
/// A place or a word of a place name (`Bruxelles`, `Colombie`).
pub(super) const PLACE: u32 = 1 << 1;
/// A word that makes a capitalised sequence an organisation, medium, brand, event or date.
pub(super) const ORG: u32 = 1 << 2;
/// A word running text writes in lowercase, so a capitalised one starts a sentence or a title.
pub(super) const COMMON: u32 = 1 << 3;
/// A role noun that introduces or describes a person (`président`, `avocate`).
pub(super) const ROLE: u32 = 1 << 4;
/// A civility or honorific written just before a name, even a lone one (`M.`, `Mme`, `Dr`,
/// `Prince`).
pub(super) const CIVILITY: u32 = 1 << 5;
/// A particle inside names (`de`, `van`, `al`).
pub(super) const PARTICLE: u32 = 1 << 6;
/// A verb or preposition that introduces a speaker (`déclaré`, `explique`, `selon`).
pub(super) const SPEECH: u32 = 1 << 7;
/// A head noun of a thing named after a person (`rue`, `lycée`, `prix`), or a brand word
/// followed by a given name (`Aston Martin`).
pub(super) const NAMING: u32 = 1 << 8;
/// A nationality or demonym (`colombien`, `Suédois`).
pub(super) const NATIONALITY: u32 = 1 << 9;
/// A determiner that may open an apposition (`le`, `son`, `un`).
pub(super) const DETERMINER: u32 = 1 << 10;
/// An adjective that may stand between a determiner and a role (`ancien`, `jeune`).
pub(super) const MODIFIER: u32 = 1 << 11;
/// A short word between a subject and its verb (`a`, `avait`, `s'`).
pub(super) const AUX: u32 = 1 << 12;
/// A word that ends the backward search for a role (verbs, conjunctions, relatives).
pub(super) const BREAK: u32 = 1 << 13;
/// An age in an apposition (`, 43 ans`, `, âgé de`).
pub(super) const AGE: u32 = 1 << 14;
/// An ordinary French or English word, even if often capitalised (`Valeurs`, `Watch`): a run
/// of them is a title or an organisation more often than a person.
pub(super) const WORDISH: u32 = 1 << 15;
/// A brand or house named after its founder, still a surname after a given name (`Leclerc`:
/// the stores, but `Pierre Leclerc`; `Serge Dassault`, `Christian Dior`).
pub(super) const EPONYM: u32 = 1 << 16;

const ROLES: &str = "
président présidente vice-président vice-présidente ministre secrétaire porte-parole chancelier
chancelière chef cheffe dirigeant dirigeante leader patron patronne directeur directrice pdg
fondateur fondatrice cofondateur cofondatrice député députée eurodéputé eurodéputée sénateur
sénatrice maire adjoint adjointe élu élue conseiller conseillère candidat candidate militant
militante activiste syndicaliste opposant opposante ambassadeur ambassadrice diplomate émissaire
envoyé envoyée commissaire gouverneur gouverneure préfet préfète procureur procureure juge
magistrat magistrate avocat avocate bâtonnier notaire policier policière gendarme commandant
colonel général capitaine lieutenant sergent caporal soldat militaire officier amiral maréchal
roi reine prince princesse pape cardinal évêque archevêque imam rabbin prêtre abbé pasteur moine
professeur professeure chercheur chercheuse scientifique économiste sociologue politologue
historien historienne philosophe psychiatre psychologue psychanalyste médecin docteur chirurgien
chirurgienne infirmier infirmière urgentiste épidémiologiste épidémiologue virologue
infectiologue microbiologiste biologiste géophysicien physicien physicienne chimiste
mathématicien ingénieur ingénieure architecte expert experte spécialiste analyste consultant
consultante journaliste reporter correspondant correspondante éditorialiste chroniqueur
chroniqueuse animateur animatrice présentateur présentatrice producteur productrice réalisateur
réalisatrice cinéaste acteur actrice comédien comédienne chanteur chanteuse rappeur rappeuse
musicien musicienne compositeur compositrice pianiste guitariste artiste humoriste écrivain
écrivaine auteur autrice romancier romancière poète dessinateur dessinatrice photographe styliste
couturier créateur créatrice mannequin danseur danseuse chorégraphe sportif sportive joueur
joueuse entraîneur entraîneuse sélectionneur coach pilote champion championne footballeur
footballeuse tennisman cycliste coureur coureuse nageur nageuse athlète boxeur gymnaste skieur
skieuse rugbyman basketteur handballeur attaquant défenseur gardien arbitre agriculteur
agricultrice éleveur éleveuse viticulteur vigneron pêcheur commerçant commerçante boulanger
restaurateur cuisinier cuisinière entrepreneur entrepreneuse businessman milliardaire magnat
héritier héritière investisseur banquier trésorier trésorière étudiant étudiante lycéen
lycéenne enseignant enseignante instituteur institutrice proviseur recteur rectrice doyen doyenne
habitant habitante riverain riveraine témoin victime suspect suspecte accusé accusée prévenu
prévenue détenu détenue meurtrier meurtrière tueur assassin terroriste djihadiste jihadiste otage
réfugié réfugiée fille fils père mère épouse époux mari compagne compagnon frère sœur soeur oncle
tante neveu nièce cousin cousine grand-père grand-mère petit-fils petite-fille veuve veuf ami amie
collègue homologue successeur prédécesseur rival rivale adversaire numéro responsable
représentant représentante délégué déléguée coordinateur coordinatrice rapporteur rapporteure
négociateur médiateur médiatrice gérant gérante propriétaire star vedette icône légende youtubeur
youtubeuse influenceur influenceuse blogueur pompier sapeur-pompier secouriste sauveteur
alpiniste navigateur navigatrice skipper explorateur astronaute spationaute monarque souverain
souveraine émir sultan cheikh ayatollah président-directeur directeur-général inspecteur
inspectrice contrôleur auditeur enquêteur enquêtrice commissaire-priseur collectionneur
collectionneuse octogénaire nonagénaire quadragénaire quinquagénaire sexagénaire septuagénaire
trentenaire quadra quinqua adolescent adolescente fillette garçon polémiste essayiste
idéologue commentateur commentatrice personnalité premier première opposante leader porte-drapeau égérie
";

const CIVILITIES: &str = "
m mm mme mmes mlle mlles me dr pr mgr monsieur madame mademoiselle maître docteur professeur
monseigneur sir lord lady cheikh ayatollah prince princesse roi reine pape émir sultan tsar
infante
";

const PARTICLES: &str = "
de du d' van von der den da di del della dello dos das do la le y bin ben ibn bint al el zu ter
ten af
";

const SPEECH_WORDS: &str = "
selon pour après déclaré déclare dit explique expliqué estime estimé souligne souligné affirme affirmé
indique indiqué précise précisé ajoute ajouté raconte raconté confie confié assure assuré rappelle
rappelé reconnaît reconnait reconnu regrette regretté déplore déploré insiste insisté poursuit
poursuivi conclut conclu martèle martelé lance lancé tweeté twitté écrit note noté observe observé
commente commenté réagi réagit détaille détaillé résume résumé relate relaté admet admis avoue
avoué témoigne témoigné prévient prévenu dénonce dénoncé juge jugé avance avancé plaide plaidé
défend défendu annonce annoncé confirme confirmé dément démenti répond répondu réplique répliqué
ironise ironisé fustige fustigé clame clamé lâche lâché glisse glissé tranche tranché concède
concédé relève relevé signale signalé salue salué critique critiqué accuse accusé réclame réclamé
demande demandé promet promis avertit averti analyse analysé renchérit renchéri souffle soufflé
soupire soupiré enthousiasme exclame emporte inquiète agace étonne félicite désole réjouit
rapporte rapporté cite cité mentionne mentionné évoque évoqué rétorque rétorqué nuance nuancé
tempère tempéré abonde abondé développe développé argumente argumenté justifie justifié exhorte
exhorté exige exigé assène asséné interpelle interpellé prédit pense pensé croit juré jure
dévoile dévoilé révèle révélé livre livré prône prôné appelle appelé invite invité remplace
remplacé nommé nomme limogé limoge rencontré rencontre reçu reçoit soutenu soutient interviewé
interrogé succède succédé
";

const THINGS_NAMED: &str = "
rue avenue boulevard bd place quai allée impasse chemin route square pont porte gare station
aéroport lycée collège école université campus institut hôpital clinique chu centre stade salle
gymnase piscine musée théâtre cinéma bibliothèque médiathèque fondation prix trophée médaille loi
amendement plan rapport fonds galerie parc jardin hôtel résidence cité quartier caserne base
navire porte-avions paquebot opération rond-point esplanade tour tunnel canal promotion bourse
chaire concours festival orchestre label maison marque fondations complexe espace auditorium
amphithéâtre pavillon palais villa domaine lycées collèges écoles rues avenues
aston
";

const DETERMINERS: &str =
    "le la les l' un une son sa ses leur leurs notre votre ce cet cette du de des d' the";

const MODIFIERS: &str = "
ancien ancienne anciens ex nouveau nouvel nouvelle actuel actuelle futur future jeune jeunes
célèbre premier première seul seule grand grande haut haute fidèle proche vieux vieille éminent
éminente influent influente populaire principal principale autre même propre très plus fameux
fameuse défunt défunte regretté regrettée feu puissant puissante richissime emblématique
charismatique controversé controversée sulfureux sulfureuse médiatique discret discrète
";

const AUX_WORDS: &str = "
a avait aurait ont va vient venait s' se lui leur l' y en aussi également encore déjà notamment
ainsi alors pourtant toutefois a-t-il a-t-elle n' ne pas jamais bien lui-même elle-même
d'ailleurs d' ailleurs quant à pour sa part part de son côté côté
";

const BREAKS: &str = "
qui que qu' dont où et ou mais car donc ni a ont est sont était étaient avait avaient sera serait
fut fait été avec contre selon pour par sans lors après avant depuis pendant comme quand lorsque
lorsqu' si entre vers sur chez dans aux au il elle ils elles on nous vous je
";

/// Masculine singular forms; the feminine and plural forms are derived when loading.
const NATIONALITIES: &str = "
afghan algérien allemand américain andorran angolais argentin arménien australien autrichien
azerbaïdjanais bahreïni bangladais belge béninois biélorusse bélarusse birman bolivien bosnien
botswanais brésilien britannique bulgare burkinabé burundais cambodgien camerounais canadien
centrafricain chilien chinois chypriote colombien comorien congolais coréen nord-coréen
sud-coréen costaricain croate cubain danois djiboutien dominicain écossais égyptien émirati
équatorien érythréen espagnol estonien éthiopien européen fidjien finlandais français gabonais
gallois gambien géorgien ghanéen grec grecque guatémaltèque guinéen haïtien hondurien hongrois
indien indonésien irakien iranien irlandais islandais israélien italien ivoirien jamaïcain
japonais jordanien kazakh kényan kenyan kirghiz kosovar koweïtien laotien letton libanais
libérien libyen lituanien luxembourgeois macédonien malgache malaisien malien maltais marocain
mauricien mauritanien mexicain moldave monégasque mongol monténégrin mozambicain namibien
néerlandais hollandais népalais nicaraguayen nigérian nigérien norvégien néo-zélandais omanais
ougandais ouzbek pakistanais palestinien panaméen paraguayen péruvien philippin polonais
portugais qatari roumain russe rwandais salvadorien saoudien sénégalais serbe singapourien
slovaque slovène somalien soudanais sud-africain sud-soudanais suédois suisse syrien tadjik
taïwanais tanzanien tchadien tchèque thaïlandais togolais tunisien turc turque turkmène
ukrainien uruguayen vénézuélien vietnamien yéménite zambien zimbabwéen arabe kurde berbère
africain asiatique latino-américain occidental oriental anglais écossais parisien marseillais
lyonnais toulousain niçois nantais bordelais lillois strasbourgeois breton corse basque alsacien
normand francilien québécois bruxellois new-yorkais londonien berlinois moscovite pékinois
hongkongais catalan flamand wallon sahraoui tchétchène ouïghour rohingya tibétain
";

/// Org words that are also common surnames (see [`EPONYM`]); they stay in `org_words.txt`.
const EPONYMS: &str = "Leclerc Renault Peugeot Citroën Michelin Dassault Bouygues Lagardère \
Bolloré Pinault Arnault Mulliez Ferrari Porsche Bugatti Dior Chanel Gallimard Grasset \
Flammarion Hermès Vuitton Gucci Prada Disney Ford Boeing Nobel Pulitzer Goncourt Renaudot \
Femina";

const FIRST_NAMES: &str = include_str!("first_names.txt");
const PLACES: &str = include_str!("places.txt");
const ORG_WORDS: &str = include_str!("org_words.txt");
const COMMON_WORDS: &str = include_str!("common.txt");
const LOWERCASE_WORDS: &str = include_str!("lowercase.txt");
const ENGLISH_WORDS: &str = include_str!("english.txt");

/// Every listed word, folded, with the union of its flags.
pub(super) struct Lexicon {
    words: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
}

impl Lexicon {
    /// The shared table, built on first use.
    pub(super) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon { words: HashMap::default() };
        for (list, flag) in [
            (FIRST_NAMES, GIVEN),
            (PLACES, PLACE),
            (ORG_WORDS, ORG),
            (COMMON_WORDS, COMMON),
            (LOWERCASE_WORDS, WORDISH),
            (ENGLISH_WORDS, WORDISH),
            (ROLES, ROLE),
            (CIVILITIES, CIVILITY),
            (PARTICLES, PARTICLE),
            (SPEECH_WORDS, SPEECH),
            (THINGS_NAMED, NAMING),
            (DETERMINERS, DETERMINER),
            (MODIFIERS, MODIFIER),
            (AUX_WORDS, AUX),
            (BREAKS, BREAK),
            ("ans âgé âgée", AGE),
            (EPONYMS, EPONYM),
        ] {
            for word in words(list) {
                lex.add(word, flag);
            }
        }
        for word in words(NATIONALITIES) {
            lex.add(word, NATIONALITY);
            for suffix in ["e", "s", "es"] {
                if !word.ends_with(suffix) {
                    lex.add(&format!("{word}{suffix}"), NATIONALITY);
                }
            }
            if word.ends_with("en") {
                lex.add(&format!("{word}ne"), NATIONALITY);
                lex.add(&format!("{word}nes"), NATIONALITY);
            }
        }
        // Listed places and organisation words are proper nouns even when some text writes
        // them in lowercase; being common must not hide that.
        lex
    }

    fn add(&mut self, word: &str, flag: u32) {
        let mut key = String::new();
        fold_into(word, &mut key);
        *self.words.entry(key.into_boxed_str()).or_insert(0) |= flag;
    }

    /// The flags of `word` (0 when unlisted). `buf` is scratch space for the folded key.
    pub(super) fn flags(&self, word: &str, buf: &mut String) -> u32 {
        fold_into(word, buf);
        self.words.get(buf.as_str()).copied().unwrap_or(0)
    }
}

/// The words of a list: whitespace-separated, `#` to the end of a line is a comment.
fn words(list: &str) -> impl Iterator<Item = &str> {
    list.lines().flat_map(|l| l.split('#').next().unwrap_or("").split_whitespace())
}

/// Lowercases `word` into `out` and strips the accents of Latin letters, so that `Sergueï`,
/// `SERGUEI` and `sergueï` meet. `’` becomes `'`.
pub(super) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    fold_push(word, out);
}

/// [`fold_into`] without clearing `out` first.
pub(super) fn fold_push(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match base_letter(l) {
                Some(b) => out.push_str(b),
                None => out.push(l),
            }
        }
    }
}

fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ř' | 'ŗ' => "r",
        'ś' | 'š' | 'ş' | 'ŝ' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ð' => "d",
        'þ' => "th",
        '’' | '‘' | 'ʼ' => "'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_meets_spellings() {
        let mut buf = String::new();
        for (word, want) in [
            ("Sergueï", "serguei"),
            ("ÉDOUARD", "edouard"),
            ("Œuvre", "oeuvre"),
            ("d’Estaing", "d'estaing"),
            ("Kılıçdaroğlu", "kilicdaroglu"),
            ("Straße", "strasse"),
        ] {
            fold_into(word, &mut buf);
            assert_eq!(buf, want, "{word}");
        }
    }

    #[test]
    fn words_carry_their_flags() {
        let lex = Lexicon::get();
        let mut buf = String::new();
        let cases: &[(&str, u32, u32)] = &[
            ("Jens", GIVEN, PLACE | ORG),
            ("Edouard", GIVEN, 0),
            ("Bruxelles", PLACE, GIVEN),
            ("OTAN", ORG, GIVEN),
            ("Lundi", ORG, GIVEN),
            ("Selon", SPEECH | COMMON, GIVEN),
            ("président", ROLE, 0),
            ("Mme", CIVILITY, 0),
            ("colombien", NATIONALITY, 0),
            ("Colombienne", NATIONALITY, 0),
            ("Suédois", NATIONALITY, 0),
            ("lycée", NAMING, 0),
            ("d'", PARTICLE | DETERMINER, 0),
            ("Stoltenberg", 0, GIVEN | COMMON | PLACE | ORG | WORDISH),
            ("Watch", WORDISH, GIVEN),
            ("Valeurs", WORDISH, GIVEN),
        ];
        for &(word, has, lacks) in cases {
            let f = lex.flags(word, &mut buf);
            assert_eq!(f & has, has, "{word} should have {has:#b}, has {f:#b}");
            assert_eq!(f & lacks, 0, "{word} should lack {lacks:#b}, has {f:#b}");
        }
    }

    #[test]
    fn lists_parse_and_stay_small() {
        for (name, list, max) in [
            ("first_names", FIRST_NAMES, 4_000),
            ("places", PLACES, 2_000),
            ("org_words", ORG_WORDS, 1_500),
            ("common", COMMON_WORDS, 12_000),
            ("lowercase", LOWERCASE_WORDS, 3_000),
            ("english", ENGLISH_WORDS, 1_000),
        ] {
            let n = words(list).count();
            assert!(n > 100 && n < max, "{name}: {n} words");
            assert!(words(list).all(|w| !w.starts_with('#')), "{name}");
        }
    }
}
