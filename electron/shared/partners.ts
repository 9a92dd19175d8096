/** The #CohesionAlliance founding partners, shown on the kiosk and printed on certificates. */
export const FOUNDING_PARTNERS = [
  { short: 'CoR', name: 'European Committee of the Regions' },
  { short: 'AER', name: 'Assembly of European Regions' },
  { short: 'AEBR', name: 'Association of European Border Regions' },
  { short: 'CALRE', name: 'Conference of European Regional Legislative Assemblies' },
  { short: 'CPMR', name: 'Conference of Peripheral Maritime Regions' },
  { short: 'CEMR', name: 'Council of European Municipalities and Regions' },
  { short: 'EUROCITIES', name: 'EUROCITIES' },
] as const
