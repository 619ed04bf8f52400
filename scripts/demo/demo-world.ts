/**
 * @module
 * The demo's world as data: Regio IJsselland (centrumgemeente Zwolle and three member
 * gemeenten), its people, five schools and a dozen tenders over 2024-2026 on the four routes.
 * generate-demo.ts turns this into a database through the services.
 *
 * The race to the bottom is in the prices: every route's price per learner falls about 8 %
 * a year, and twice a school goes far below the field. In 2025 Snel Inburgeren offers the
 * B1-route under the template's cost floor (EUR 4.062,50 per learner): flagged, asked to
 * explain, rejected under art. 2.116. In 2026 the Inburgeringsacademie Salland offers the
 * Z-route under its cost floor (EUR 7.480): flagged, explains it with its own practice
 * company, accepted, and wins. Snel Inburgeren's one B1-route price also lies below the
 * region's lower fence for the route (Q1 - 1.5 IQR over all its B1-route bids), so the
 * regional comparison marks the school too. Prices are euros per learner; scores are on the
 * templates' 0-100 scales, per criterion in the template's order.
 */

export const DEMO_PASSWORD = 'demo-wachtwoord-2026';
export const ADMIN_EMAIL = 'beheer@demo.gunningswijzer.nl';

export const REGION = {
  name: 'Regio IJsselland',
  centrumgemeente: 'Gemeente Zwolle',
  members: ['Gemeente Kampen', 'Gemeente Dalfsen', 'Gemeente Raalte'],
} as const;

export type OrganisationKey = 'regio' | 'zwolle' | 'kampen' | 'dalfsen' | 'raalte';
export const ORGANISATION_NAMES: Record<OrganisationKey, string> = {
  regio: REGION.name,
  zwolle: REGION.centrumgemeente,
  kampen: 'Gemeente Kampen',
  dalfsen: 'Gemeente Dalfsen',
  raalte: 'Gemeente Raalte',
};

export type DemoUser = {
  key: string;
  email: string;
  name: string;
  memberships: { organisation: OrganisationKey; role: 'admin' | 'inkoper' | 'beoordelaar' | 'auditor' }[];
  /** How the login list describes the user. */
  what: string;
  /** The page `npm run demo` prints for the user to open first (a tender by its reference). */
  start: DemoStart;
};

export type DemoStart = { page: 'aanbestedingen' | 'beheer' | 'regiovergelijking' } | { tender: string; tab: 'panel' | 'rapporten' | 'uitslag' };

export const USERS: readonly DemoUser[] = [
  {
    key: 'regioInkoper',
    email: 'inkoper@regio-ijsselland.demo',
    name: 'Ingrid Inkoper',
    memberships: [{ organisation: 'regio', role: 'inkoper' }],
    what: 'inkoper, Regio IJsselland (regionale aanbestedingen, regiovergelijking)',
    start: { page: 'regiovergelijking' },
  },
  {
    key: 'zwolleInkoper',
    email: 'inkoper@zwolle.demo',
    name: 'Ahmed Aydin',
    memberships: [{ organisation: 'zwolle', role: 'inkoper' }],
    what: 'inkoper, Gemeente Zwolle (een aanvaarde abnormaal lage inschrijving won)',
    start: { tender: 'ZWL-2026-INB-Z', tab: 'uitslag' },
  },
  {
    key: 'kampenInkoper',
    email: 'inkoper@kampen.demo',
    name: 'Karin Kok',
    memberships: [{ organisation: 'kampen', role: 'inkoper' }],
    what: 'inkoper, Gemeente Kampen (gunningsbeslissing, opschortende termijn loopt)',
    start: { tender: 'KMP-2026-MAP', tab: 'uitslag' },
  },
  {
    key: 'dalfsenInkoper',
    email: 'inkoper@dalfsen.demo',
    name: 'Dirk Dekker',
    memberships: [{ organisation: 'dalfsen', role: 'inkoper' }],
    what: 'inkoper, Gemeente Dalfsen',
    start: { page: 'aanbestedingen' },
  },
  {
    key: 'raalteInkoper',
    email: 'inkoper@raalte.demo',
    name: 'Rianne Ruiter',
    memberships: [{ organisation: 'raalte', role: 'inkoper' }],
    what: 'inkoper, Gemeente Raalte',
    start: { page: 'aanbestedingen' },
  },
  {
    key: 'bea',
    email: 'beoordelaar@zwolle.demo',
    name: 'Bea Beoordelaar',
    memberships: [{ organisation: 'zwolle', role: 'beoordelaar' }],
    what: 'beoordelaar, Gemeente Zwolle (panel van IJS-2026-INB-OND: nog verklaren en scoren)',
    start: { tender: 'IJS-2026-INB-OND', tab: 'panel' },
  },
  {
    key: 'bram',
    email: 'beoordelaar2@zwolle.demo',
    name: 'Bram Bosman',
    memberships: [{ organisation: 'zwolle', role: 'beoordelaar' }],
    what: 'beoordelaar, Gemeente Zwolle',
    start: { page: 'aanbestedingen' },
  },
  {
    key: 'auditor',
    email: 'auditor@ijsselland.demo',
    name: 'Anton Accountant',
    memberships: [
      { organisation: 'regio', role: 'auditor' },
      { organisation: 'zwolle', role: 'auditor' },
    ],
    what: 'auditor, Regio IJsselland en Gemeente Zwolle (leest alles, wijzigt niets; ondertekende rapporten en brieven)',
    start: { tender: 'IJS-2025-INB-B1', tab: 'rapporten' },
  },
  {
    key: 'zwolleAdmin',
    email: 'admin@zwolle.demo',
    name: 'Astrid Admin',
    memberships: [{ organisation: 'zwolle', role: 'admin' }],
    what: 'beheerder, Gemeente Zwolle (gebruikers en rollen)',
    start: { page: 'beheer' },
  },
];

export type SchoolKey = 'ijsselland' | 'nt2zwolle' | 'snel' | 'kampen' | 'salland';
export const SCHOOLS: Record<SchoolKey, { name: string; kvk: string; keurmerk: boolean }> = {
  ijsselland: { name: 'Taalschool IJsselland', kvk: '05123456', keurmerk: true },
  nt2zwolle: { name: 'NT2 Centrum Zwolle', kvk: '05234567', keurmerk: true },
  snel: { name: 'Snel Inburgeren B.V.', kvk: '05345678', keurmerk: true },
  kampen: { name: 'Het Taalhuis Kampen', kvk: '05456789', keurmerk: true },
  salland: { name: 'Inburgeringsacademie Salland', kvk: '05567890', keurmerk: true },
};

export type DemoBid = { school: SchoolKey; pricePerLearner: number; scores: readonly number[] };

/** An art. 2.116 review of one flagged bid, step by step, days counted from the opening. */
export type DemoReview = {
  school: SchoolKey;
  questions: readonly string[];
  explanation: string;
  decision: 'accepted' | 'rejected';
  motivation: string;
};

export type DemoTender = {
  reference: string;
  owner: OrganisationKey;
  /** Inkoper who runs it (a key of USERS). */
  inkoper: string;
  template: 'b1-route' | 'onderwijsroute' | 'z-route' | 'module-map';
  title: string;
  /** `YYYY-MM-DD`: the day bidding closes (the tender is opened). */
  opensOn: string;
  learners: number;
  /** The buyer's estimate, euros per learner. */
  estimatePerLearner: number;
  bids: readonly DemoBid[];
  review?: DemoReview;
  /** `imported` dossier with consensus scores, or scored by a `panel` of the two Zwolle beoordelaars. */
  scoring: 'imported' | 'panel' | 'panel-assigned';
  /** How far the demo takes it. */
  until: 'open' | 'award-proposed' | 'awarded';
  /** Days after opening the award decision is taken (default 21). */
  decisionAfterDays?: number;
};

const B1 = 'b1-route' as const;
const Z = 'z-route' as const;
const OND = 'onderwijsroute' as const;
const MAP = 'module-map' as const;

export const TENDERS: readonly DemoTender[] = [
  {
    reference: 'IJS-2024-INB-B1',
    owner: 'regio',
    inkoper: 'regioInkoper',
    template: B1,
    title: 'Inburgering B1-route regio IJsselland 2024-2026',
    opensOn: '2024-02-12',
    learners: 100,
    estimatePerLearner: 6500,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 6450, scores: [75, 75, 75, 50, 75] },
      { school: 'nt2zwolle', pricePerLearner: 6800, scores: [100, 75, 75, 75, 75] },
      { school: 'kampen', pricePerLearner: 6300, scores: [75, 50, 75, 50, 50] },
    ],
  },
  {
    reference: 'ZWL-2024-INB-Z',
    owner: 'zwolle',
    inkoper: 'zwolleInkoper',
    template: Z,
    title: 'Inburgering Z-route Zwolle 2024-2026',
    opensOn: '2024-04-08',
    learners: 40,
    estimatePerLearner: 10000,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 9900, scores: [75, 75, 75, 50] },
      { school: 'nt2zwolle', pricePerLearner: 10400, scores: [100, 75, 75, 75] },
      { school: 'kampen', pricePerLearner: 9650, scores: [50, 75, 50, 50] },
      { school: 'salland', pricePerLearner: 10150, scores: [75, 75, 50, 75] },
    ],
  },
  {
    reference: 'KMP-2024-MAP',
    owner: 'kampen',
    inkoper: 'kampenInkoper',
    template: MAP,
    title: 'Module Arbeidsmarkt en Participatie Kampen 2024-2025',
    opensOn: '2024-06-10',
    learners: 60,
    estimatePerLearner: 1400,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 1390, scores: [75, 50, 75, 50] },
      { school: 'snel', pricePerLearner: 1300, scores: [50, 50, 50, 50] },
      { school: 'kampen', pricePerLearner: 1345, scores: [75, 75, 75, 75] },
      { school: 'salland', pricePerLearner: 1435, scores: [75, 50, 50, 75] },
    ],
  },
  {
    reference: 'IJS-2024-INB-OND',
    owner: 'regio',
    inkoper: 'regioInkoper',
    template: OND,
    title: 'Inburgering onderwijsroute regio IJsselland 2024-2026',
    opensOn: '2024-09-16',
    learners: 30,
    estimatePerLearner: 17000,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 17300, scores: [75, 75, 75, 50] },
      { school: 'nt2zwolle', pricePerLearner: 17800, scores: [100, 75, 100, 75] },
      { school: 'salland', pricePerLearner: 16800, scores: [75, 50, 75, 75] },
    ],
  },
  {
    reference: 'IJS-2025-INB-B1',
    owner: 'regio',
    inkoper: 'regioInkoper',
    template: B1,
    title: 'Inburgering B1-route regio IJsselland 2025-2027',
    opensOn: '2025-02-10',
    learners: 110,
    estimatePerLearner: 6000,
    scoring: 'imported',
    until: 'awarded',
    decisionAfterDays: 35,
    bids: [
      { school: 'ijsselland', pricePerLearner: 5900, scores: [75, 75, 75, 75, 50] },
      { school: 'nt2zwolle', pricePerLearner: 6100, scores: [100, 75, 75, 75, 75] },
      { school: 'snel', pricePerLearner: 3650, scores: [50, 50, 50, 50, 50] },
      { school: 'kampen', pricePerLearner: 5750, scores: [75, 50, 50, 50, 50] },
      { school: 'salland', pricePerLearner: 5600, scores: [75, 75, 50, 50, 75] },
    ],
    review: {
      school: 'snel',
      questions: [
        'Hoeveel lesuren per inburgeraar rekent u, en in welke groepsgrootte?',
        'Welke loonkosten per docentuur liggen aan uw prijs ten grondslag?',
        'Hoe zijn de voortgangsgesprekken en de begeleiding in uw prijs opgenomen?',
      ],
      explanation:
        'Wij werken met groepen van twintig inburgeraars, zetten stagiairs in naast de docent en bieden 420 lesuren per traject aan; de voortgangsgesprekken voeren wij digitaal.',
      decision: 'rejected',
      motivation:
        'Met 420 lesuren en groepen van twintig haalt het traject de 600 contacturen van het programma van eisen niet; stagiairs vervangen geen bevoegde NT2-docenten. De prijs is daarmee niet verantwoord en de inschrijving wordt als abnormaal laag afgewezen.',
    },
  },
  {
    reference: 'DLF-2025-INB-Z',
    owner: 'dalfsen',
    inkoper: 'dalfsenInkoper',
    template: Z,
    title: 'Inburgering Z-route Dalfsen 2025-2027',
    opensOn: '2025-04-14',
    learners: 25,
    estimatePerLearner: 9300,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 9200, scores: [75, 75, 50, 75] },
      { school: 'kampen', pricePerLearner: 8950, scores: [75, 50, 50, 50] },
      { school: 'salland', pricePerLearner: 9450, scores: [75, 75, 75, 75] },
    ],
  },
  {
    reference: 'RLT-2025-MAP',
    owner: 'raalte',
    inkoper: 'raalteInkoper',
    template: MAP,
    title: 'Module Arbeidsmarkt en Participatie Raalte 2025-2026',
    opensOn: '2025-06-16',
    learners: 40,
    estimatePerLearner: 1300,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 1270, scores: [75, 75, 50, 50] },
      { school: 'snel', pricePerLearner: 1190, scores: [50, 50, 50, 50] },
      { school: 'kampen', pricePerLearner: 1230, scores: [75, 50, 75, 50] },
      { school: 'salland', pricePerLearner: 1310, scores: [75, 75, 75, 75] },
    ],
  },
  {
    reference: 'ZWL-2025-INB-OND',
    owner: 'zwolle',
    inkoper: 'zwolleInkoper',
    template: OND,
    title: 'Inburgering onderwijsroute Zwolle 2025-2027 (panelbeoordeling)',
    opensOn: '2025-09-15',
    learners: 35,
    estimatePerLearner: 15800,
    scoring: 'panel',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 15900, scores: [75, 75, 50, 75] },
      { school: 'nt2zwolle', pricePerLearner: 16400, scores: [100, 75, 75, 75] },
      { school: 'salland', pricePerLearner: 15400, scores: [75, 50, 75, 50] },
    ],
  },
  {
    reference: 'IJS-2026-INB-B1',
    owner: 'regio',
    inkoper: 'regioInkoper',
    template: B1,
    title: 'Inburgering B1-route regio IJsselland 2026-2028',
    opensOn: '2026-02-09',
    learners: 120,
    estimatePerLearner: 5500,
    scoring: 'imported',
    until: 'awarded',
    bids: [
      { school: 'ijsselland', pricePerLearner: 5450, scores: [75, 75, 75, 75, 75] },
      { school: 'nt2zwolle', pricePerLearner: 5600, scores: [100, 75, 75, 75, 75] },
      { school: 'kampen', pricePerLearner: 5300, scores: [75, 50, 75, 50, 50] },
      { school: 'salland', pricePerLearner: 5200, scores: [75, 75, 50, 75, 50] },
    ],
  },
  {
    reference: 'ZWL-2026-INB-Z',
    owner: 'zwolle',
    inkoper: 'zwolleInkoper',
    template: Z,
    title: 'Inburgering Z-route Zwolle 2026-2028',
    opensOn: '2026-04-13',
    learners: 45,
    estimatePerLearner: 8500,
    scoring: 'imported',
    until: 'awarded',
    decisionAfterDays: 35,
    bids: [
      { school: 'ijsselland', pricePerLearner: 8450, scores: [75, 75, 75, 50] },
      { school: 'nt2zwolle', pricePerLearner: 8700, scores: [75, 75, 75, 75] },
      { school: 'kampen', pricePerLearner: 8200, scores: [50, 75, 50, 50] },
      { school: 'salland', pricePerLearner: 6900, scores: [75, 75, 75, 75] },
    ],
    review: {
      school: 'salland',
      questions: [
        'Hoe realiseert u 800 uur Nederlands en 800 praktijkuren voor deze prijs?',
        'Welke groepsgrootte en welke begeleiding bij de praktijkuren rekent u?',
      ],
      explanation:
        'De praktijkuren lopen in ons eigen leerwerkbedrijf met betaalde werkmeesters, wat ons geen docenturen kost; de 800 taaluren geven bevoegde NT2-docenten in groepen van tien. Bijgevoegd zijn de begroting per inburgeraar en de loonstroken van het leerwerkbedrijf.',
      decision: 'accepted',
      motivation:
        'De begroting laat zien dat de taaluren volledig door bevoegde docenten in groepen van tien worden gegeven; de lagere prijs komt uit het eigen leerwerkbedrijf voor de praktijkuren. De inschrijving is daarmee verantwoord en wordt aanvaard.',
    },
  },
  {
    reference: 'KMP-2026-MAP',
    owner: 'kampen',
    inkoper: 'kampenInkoper',
    template: MAP,
    title: 'Module Arbeidsmarkt en Participatie Kampen 2026-2027',
    opensOn: '2026-10-12',
    learners: 50,
    estimatePerLearner: 1150,
    scoring: 'imported',
    until: 'award-proposed',
    decisionAfterDays: 28,
    bids: [
      { school: 'ijsselland', pricePerLearner: 1140, scores: [75, 75, 50, 75] },
      { school: 'snel', pricePerLearner: 1060, scores: [50, 50, 50, 50] },
      { school: 'kampen', pricePerLearner: 1100, scores: [75, 75, 75, 50] },
      { school: 'salland', pricePerLearner: 1180, scores: [75, 50, 75, 75] },
    ],
  },
  {
    reference: 'IJS-2026-INB-OND',
    owner: 'regio',
    inkoper: 'regioInkoper',
    template: OND,
    title: 'Inburgering onderwijsroute regio IJsselland 2027-2029',
    opensOn: '2026-11-02',
    learners: 40,
    estimatePerLearner: 14800,
    scoring: 'panel-assigned',
    until: 'open',
    bids: [
      { school: 'ijsselland', pricePerLearner: 14900, scores: [75, 75, 75, 50] },
      { school: 'nt2zwolle', pricePerLearner: 15400, scores: [100, 75, 75, 75] },
      { school: 'kampen', pricePerLearner: 14400, scores: [50, 75, 50, 50] },
      { school: 'salland', pricePerLearner: 14600, scores: [75, 75, 50, 75] },
    ],
  },
];

/**
 * A procedure in two lots still in preparation (issue 21), so that the demo shows the
 * procedure page's draft forms (adding a lot, copying settings, the award limitation) with
 * the limitation already set: two lots from the templates, at most one lot per school, in
 * the published lot order. Made by Raalte's inkoper after the other tenders' last step.
 */
export const DRAFT_PROCEDURE = {
  reference: 'RLT-2027-INB',
  owner: 'raalte',
  inkoper: 'raalteInkoper',
  title: 'Inburgering Raalte 2027-2029 in twee percelen',
  createdOn: '2026-11-23',
  lots: [
    { id: 'L1', title: 'Inburgering Raalte B1-route 2027-2029', template: B1, estimatedValue: 420_000, expectedLearners: 30 },
    { id: 'L2', title: 'Inburgering Raalte Z-route 2027-2029', template: Z, estimatedValue: 180_000, expectedLearners: 12 },
  ],
  awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] },
} as const satisfies {
  reference: string;
  owner: OrganisationKey;
  inkoper: string;
  title: string;
  createdOn: string;
  lots: readonly { id: string; title: string; template: DemoTender['template']; estimatedValue: number; expectedLearners: number }[];
  awardLimit: { maxLotsPerBidder: number; rule: 'lot-order'; lotOrder: readonly string[] };
};

/** The two Zwolle beoordelaars of the panels, and how each scores relative to the consensus. */
export const PANEL = ['bea', 'bram'] as const;
