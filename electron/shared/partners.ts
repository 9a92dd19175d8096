/**
 * The #CohesionAlliance founding partners, shown on the kiosk and printed on certificates: each
 * with its own name and acronym. Their official names in other languages, where they have one, are
 * `partners.<id>` in `resources/locales/partners/<lang>.json`.
 */
export const FOUNDING_PARTNERS = [
  { id: 'cor', short: 'CoR', name: 'European Committee of the Regions' },
  { id: 'aer', short: 'AER', name: 'Assembly of European Regions' },
  { id: 'aebr', short: 'AEBR', name: 'Association of European Border Regions' },
  { id: 'calre', short: 'CALRE', name: 'Conference of European Regional Legislative Assemblies' },
  { id: 'cpmr', short: 'CPMR', name: 'Conference of Peripheral Maritime Regions' },
  { id: 'cemr', short: 'CEMR', name: 'Council of European Municipalities and Regions' },
  { id: 'eurocities', short: 'EUROCITIES', name: 'EUROCITIES' },
] as const

export type FoundingPartner = (typeof FOUNDING_PARTNERS)[number]
